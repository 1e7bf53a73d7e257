package io.fleetsync.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetsync.input.InputException;
import io.fleetsync.input.InputProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetLoaderTest {
    static final Path DIR = Path.of("src/test/resources/fleet");
    static final String ENV_TOKEN = "env-token-s3cr3t";
    static final List<String> SECRETS = List.of(ENV_TOKEN, "file-token-s3cr3t", "kubeconfig-secret");

    private final FleetLoader loader = new FleetLoader(
            Map.of("EDGE_TOKEN", ENV_TOKEN, "EMPTY_TOKEN", "  "), DIR.resolve("home"));

    @Test
    void loadsEveryConnectionKindAndSelector() throws InputException {
        var fleet = loader.load(DIR.resolve("valid.yaml"));

        assertThat(fleet.clusters()).extracting(Cluster::name)
                .containsExactly("prod-eu", "prod-us", "dev-home", "edge-env", "edge-file");
        var prodEu = (Connection.Kubeconfig) fleet.clusters().get(0).connection();
        assertThat(prodEu.kubeconfig()).isEqualTo(DIR.resolve("kubeconfig").toAbsolutePath().normalize());
        assertThat(prodEu.context()).isEqualTo("prod-eu");
        assertThat(prodEu.insecureSkipTlsVerify()).isFalse();
        assertThat(fleet.clusters().get(1).connection().insecureSkipTlsVerify()).isTrue();
        var home = (Connection.Kubeconfig) fleet.clusters().get(2).connection();
        assertThat(home.kubeconfig()).isEqualTo(DIR.resolve("home/.kube/config"));
        var edgeEnv = (Connection.Token) fleet.clusters().get(3).connection();
        assertThat(edgeEnv.token().value()).isEqualTo(ENV_TOKEN);
        assertThat(edgeEnv.toString()).doesNotContain(ENV_TOKEN);
        var edgeFile = (Connection.Token) fleet.clusters().get(4).connection();
        assertThat(edgeFile.token().value()).isEqualTo("file-token-s3cr3t");
        assertThat(edgeFile.caFile()).isEqualTo(DIR.resolve("ca.crt").toAbsolutePath().normalize());
        assertThat(fleet.clusters().get(0).labels()).containsEntry("region", "eu");
    }

    @Test
    void targetsKeepSelectorsNamespaceResourcesAndPruneDefault() throws InputException {
        var fleet = loader.load(DIR.resolve("valid.yaml"));

        var base = fleet.targets().get(0);
        assertThat(base.name()).isEqualTo("base");
        assertThat(base.namespace()).isEqualTo("apps");
        assertThat(base.prune()).isTrue();
        assertThat(base.resources()).containsExactly(new Source.Files("manifests/base/"),
                new Source.Files("manifests/apps/*.yaml"));
        assertThat(fleet.clusters().stream().filter(base.clusters()::selects).map(Cluster::name))
                .containsExactly("prod-eu", "prod-us", "dev-home");
        assertThat(fleet.targets().get(1).prune()).isFalse();
        assertThat(fleet.targets().get(1).namespace()).isNull();
    }

    @Test
    void anchorsAliasesAndMergeKeysAreResolved() throws InputException {
        var fleet = loader.load(DIR.resolve("anchors.yaml"));

        assertThat(fleet.clusters()).extracting(Cluster::name, Cluster::labels).containsExactly(
                tuple("prod-eu", Map.of("env", "prod")), tuple("prod-us", Map.of("env", "prod")));
        assertThat(((Connection.Kubeconfig) fleet.clusters().get(1).connection()).context()).isEqualTo("prod-us");
        assertThat(fleet.targets().get(0).clusters().labels()).containsEntry("env", "prod");
    }

    @Test
    void kubeconfigDefaultsToFirstEntryOfKubeconfigVariable() throws InputException {
        var kubeconfig = DIR.resolve("kubeconfig").toAbsolutePath();
        var withVariable = new FleetLoader(Map.of("KUBECONFIG", kubeconfig + java.io.File.pathSeparator + "/nowhere",
                "EDGE_TOKEN", ENV_TOKEN), DIR.resolve("home"));

        var problems = problems(withVariable, "valid.yaml");

        // dev-home's context lives in ~/.kube/config, which $KUBECONFIG now hides.
        assertProblem(problems, 14, "clusters[2].context", "context 'home-context' not found in kubeconfig "
                + kubeconfig.normalize());
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        var problems = problems("bad/malformed.yaml");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(DIR.resolve("bad/malformed.yaml"));
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isPositive();
            assertThat(p.message()).startsWith("invalid YAML");
        });
    }

    @Test
    void unknownFieldIsReportedWithItsPath() {
        assertProblem(problems("bad/unknown-field.yaml"), 5, "clusters[0].colour", "unknown field 'colour'");
    }

    @Test
    void missingRequiredFieldIsReported() {
        assertProblem(problems("bad/missing-name.yaml"), 2, "clusters[0].name", "missing required field 'name'");
        assertProblem(problems("bad/missing-resources.yaml"), 6, "targets[0].resources", "missing required field 'resources'");
    }

    @Test
    void wrongTypeIsReported() {
        assertProblem(problems("bad/wrong-type.yaml"), 9, "targets[0].prune", "expected true or false");
    }

    @Test
    void aFleetNameIsItsIdentityAndMustBeADnsLabel() throws InputException {
        assertThat(loader.load(DIR.resolve("named.yaml")).identity()).isEqualTo(new FleetIdentity("prod"));
        assertThat(loader.load(DIR.resolve("valid.yaml")).identity()).isEqualTo(FleetIdentity.UNNAMED);
        assertProblem(problems("bad/fleet-name.yaml"), 2, "name", "fleet name 'Prod_EU' must be a DNS-1123 label");
    }

    @Test
    void duplicateClusterNamesAreRejected() {
        assertProblem(problems("bad/duplicate-cluster.yaml"), 5, "clusters[1].name",
                "duplicate cluster name 'prod-eu' (also clusters[0])");
    }

    @Test
    void duplicateTargetNamesAreRejected() {
        assertProblem(problems("bad/duplicate-target.yaml"), 9, "targets[1].name",
                "duplicate target name 'base' (also targets[0])");
    }

    @Test
    void clusterNeedsExactlyOneOfContextAndServer() {
        var problems = problems("bad/context-and-server.yaml");

        assertProblem(problems, 8, "clusters[1].server", "either context (kubeconfig) or server (token), not both");
        assertProblem(problems, 10, "clusters[2]", "missing connection");
    }

    @Test
    void serverNeedsExactlyOneTokenSource() {
        var problems = problems("bad/server-token-count.yaml");

        assertProblem(problems, 6, "clusters[1].server", "exactly one of tokenEnv or tokenFile");
        assertProblem(problems, 10, "clusters[2].server", "exactly one of tokenEnv or tokenFile");
    }

    @Test
    void targetThatSelectsNoClusterIsRejected() {
        assertProblem(problems("bad/selects-nothing.yaml"), 7, "targets[0].clusters", "selects no cluster");
    }

    @Test
    void targetNamingUnknownClusterIsRejected() {
        assertProblem(problems("bad/unknown-cluster.yaml"), 7, "targets[0].clusters.names[1]",
                "unknown cluster 'prod-asia'");
    }

    @Test
    void missingKubeconfigIsRejected() {
        assertProblem(problems("bad/missing-kubeconfig.yaml"), 4, "clusters[0].kubeconfig",
                "no-such-kubeconfig does not exist");
    }

    @Test
    void contextAbsentFromKubeconfigIsRejected() {
        assertProblem(problems("bad/unknown-context.yaml"), 3, "clusters[0].context",
                "context 'prod-asia' not found in kubeconfig");
    }

    @Test
    void unsetOrEmptyTokenVariableIsRejected() {
        var problems = problems("bad/token-env.yaml");

        assertProblem(problems, 7, "clusters[1].tokenEnv", "environment variable UNSET_TOKEN is not set");
        assertProblem(problems, 10, "clusters[2].tokenEnv", "environment variable EMPTY_TOKEN is empty");
    }

    @Test
    void unreadableOrEmptyTokenFileIsRejected() {
        var problems = problems("bad/token-file.yaml");

        assertProblem(problems, 7, "clusters[1].tokenFile", "no-such-token does not exist");
        assertProblem(problems, 10, "clusters[2].tokenFile", "empty-token is empty");
    }

    @Test
    void missingCaFileIsRejected() {
        assertProblem(problems("bad/missing-ca.yaml"), 8, "clusters[1].caFile", "no-such-ca.crt does not exist");
    }

    @Test
    void emptyResourcesListIsRejected() {
        assertProblem(problems("bad/empty-resources.yaml"), 8, "targets[0].resources", "resources is empty");
    }

    @Test
    void everyProblemOfOneFileIsReportedTogether() {
        // token-env.yaml has two bad clusters; both are reported, not only the first.
        assertThat(problems("bad/token-env.yaml")).hasSize(2);
    }

    @Test
    void valuesOfTheWrongShapeAreAllReportedWithoutFollowUpNoise() {
        var problems = problems("bad/wrong-shapes.yaml");

        assertThat(problems).extracting(InputProblem::line, InputProblem::field).containsExactly(
                tuple(3, "clusters[0].context"), tuple(4, "clusters[0].labels"), tuple(6, "clusters[1]"),
                tuple(10, "clusters[2].insecureSkipTlsVerify"), tuple(11, "clusters[2].name"),
                tuple(14, "targets[0].clusters.names"), tuple(15, "targets[0].resources"),
                tuple(16, "targets[0].prune"));
        assertProblem(problems, 3, "clusters[0].context", "expected a string but found a mapping");
        assertProblem(problems, 11, "clusters[2].name", "field appears twice in the same mapping");
        assertProblem(problems, 15, "targets[0].resources", "expected a list but found a string");
    }

    @Test
    void namesMustBeDnsLabelsAndLabelsValid() {
        var problems = problems("bad/invalid-names.yaml");

        assertProblem(problems, 2, "clusters[0].name", "'Prod_EU' must be a DNS-1123 label");
        assertProblem(problems, 3, "clusters[0].labels.env", "label 'env' has an invalid value");
        assertProblem(problems, 7, "targets[0].name", "'base target' must be a DNS-1123 label");
    }

    @Test
    void fleetFileMustBeAMapping() {
        assertProblem(problems("bad/not-a-mapping.yaml"), 1, "", "a fleet file is a mapping");
    }

    @Test
    void missingFleetFileIsReported() {
        assertProblem(problems("bad/no-such-fleet.yaml"), 0, null, "fleet file does not exist");
    }

    private List<InputProblem> problems(String fixture) {
        return problems(loader, fixture);
    }

    static List<InputProblem> problems(FleetLoader loader, String fixture) {
        var thrown = catchThrowable(() -> loader.load(DIR.resolve(fixture)));
        assertThat(thrown).isInstanceOf(InputException.class);
        for (var secret : SECRETS) {
            assertThat(thrown.getMessage()).doesNotContain(secret);
        }
        return ((InputException) thrown).problems();
    }

    static void assertProblem(List<InputProblem> problems, int line, String field, String message) {
        assertThat(problems).as(problems.toString()).anySatisfy(p -> {
            assertThat(p.file().getFileName().toString()).isNotEmpty();
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(message);
            assertThat(p.describe()).startsWith(p.file() + (line > 0 ? ":" + line : ""));
        });
    }
}
