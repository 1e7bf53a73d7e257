package io.fleetsync.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.ClusterSelector;
import io.fleetsync.fleet.Connection;
import io.fleetsync.fleet.Fleet;
import io.fleetsync.fleet.FleetLoader;
import io.fleetsync.fleet.Source;
import io.fleetsync.fleet.Target;
import io.fleetsync.input.InputException;
import io.fleetsync.input.InputProblem;
import io.fleetsync.resource.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesiredStateLoaderTest {
    static final Path DIR = Path.of("src/test/resources/manifest");
    private final FleetLoader fleets = new FleetLoader(Map.of(), DIR);
    private final DesiredStateLoader loader = new DesiredStateLoader();

    private DesiredFleet good() throws InputException {
        return loader.load(fleets.load(DIR.resolve("good/fleet.yaml")), Set.of(), Set.of());
    }

    private static DesiredObject object(ClusterState cluster, String subject) {
        return cluster.targets().stream().flatMap(t -> t.objects().stream())
                .filter(o -> o.key().subject().equals(subject)).findFirst().orElseThrow(
                        () -> new AssertionError(subject + " not in " + cluster.targets()));
    }

    private static List<String> subjects(TargetState target) {
        return target.objects().stream().map(o -> o.key().subject()).toList();
    }

    @Test
    void targetsReachClustersByLabelsAndNames() throws InputException {
        var desired = good();

        assertThat(desired.clusters()).extracting(c -> c.cluster().name()).containsExactly("prod-eu", "prod-us", "dev-eu");
        assertThat(desired.clusters().get(0).targets()).extracting(t -> t.target().name()).containsExactly("base", "crds");
        assertThat(desired.clusters().get(2).targets()).extracting(t -> t.target().name()).containsExactly("base");
    }

    @Test
    void everyClusterKnowsWhichTargetsLeftItAndFiltersNeverMakeADeparture() throws InputException {
        var fleet = fleets.load(DIR.resolve("good/fleet.yaml"));
        var desired = loader.load(fleet, Set.of(), Set.of());
        var onlyBase = loader.load(fleet, Set.of("dev-eu"), Set.of("base"));

        var devEu = desired.clusters().get(2);
        assertThat(devEu.membership().departed()).extracting(d -> d.target().name() + ":" + d.reason())
                .containsExactly("crds:NO_LONGER_SELECTED");
        assertThat(devEu.membership().selectedByNoTarget()).as("base still selects dev-eu").isFalse();
        assertThat(devEu.membership().fleetTargets()).containsExactlyInAnyOrder("base", "crds");
        assertThat(devEu.membership().orphansInScope()).isTrue();
        assertThat(desired.clusters().get(0).membership().departed()).isEmpty();
        assertThat(onlyBase.clusters()).extracting(c -> c.cluster().name()).containsExactly("dev-eu");
        assertThat(onlyBase.clusters().get(0).membership().departed()).as("crds is filtered out, not departed")
                .isEmpty();
        assertThat(onlyBase.clusters().get(0).membership().orphansInScope()).isFalse();
        assertThat(devEu.onlyTargets(Set.of("base")).membership().departed()).isEmpty();
        assertThat(devEu.onlyTargets(Set.of("crds")).membership().departed()).hasSize(1);
    }

    @Test
    void clustersShareTheirDeparturesAndTheTargetNamesInsteadOfCopyingThem() throws InputException {
        var desired = loader.load(fleets.load(DIR.resolve("good/fleet-two-dev.yaml")), Set.of(), Set.of());

        // Per-cluster copies grew with clusters × targets: a million departure records at 1000 clusters.
        var devEu = desired.clusters().get(1).membership();
        var devUs = desired.clusters().get(2).membership();
        assertThat(devEu.departed()).extracting(d -> d.target().name()).containsExactly("crds");
        assertThat(devUs.departed()).hasSize(1);
        assertThat(devUs.departed().get(0)).isSameAs(devEu.departed().get(0));
        assertThat(devUs.fleetTargets()).containsExactly("crds").isSameAs(devEu.fleetTargets())
                .isSameAs(desired.clusters().get(0).membership().fleetTargets());
        assertThat(desired.clusters().get(0).membership().departed()).as("crds selects prod-eu").isEmpty();
    }

    @Test
    void objectsRenderedPerClusterShareWhatIsEqualInsteadOfHoldingACopyEach() throws InputException {
        var desired = good();

        // apps/web.yaml is rendered (and parsed) once per cluster: its Deployment is the same on both.
        var eu = object(desired.clusters().get(0), "Deployment.apps/other/web");
        var us = object(desired.clusters().get(1), "Deployment.apps/other/web");
        assertThat(us.body().get("spec")).isEqualTo(eu.body().get("spec")).isSameAs(eu.body().get("spec"));
        var euSettings = object(desired.clusters().get(0), "ConfigMap/apps/settings-prod-eu");
        var usSettings = object(desired.clusters().get(1), "ConfigMap/apps/settings-prod-us");
        assertThat(usSettings.body().get("data")).isNotEqualTo(euSettings.body().get("data"));
        // Even where the values differ, the keys were parsed twice and are one String now.
        assertThat(map(usSettings.body().get("data")).keySet().iterator().next()).isEqualTo("greeting")
                .isSameAs(map(euSettings.body().get("data")).keySet().iterator().next());
    }

    @Test
    void aClusterNoTargetSelectsStillGetsAStateToPruneWhatWasLeft() throws InputException {
        var fleet = fleets.load(DIR.resolve("good/fleet.yaml"));
        var crdsOnly = loader.load(fleet, Set.of(), Set.of("crds"));

        var devEu = crdsOnly.clusters().get(2);
        assertThat(devEu.targets()).isEmpty();
        assertThat(devEu.hasWork()).isTrue();
        assertThat(devEu.membership().departed()).extracting(d -> d.target().name()).containsExactly("crds");
        assertThat(devEu.membership().selectedByNoTarget()).as("--target does not make base leave").isFalse();
    }

    @Test
    void directoriesContributeSortedYamlFilesRecursivelyAndGlobsMatchFiles() throws InputException {
        var base = good().clusters().get(0).targets().get(0);

        // base/ sorted: list.yaml, namespace.yaml, nested/secret.yml; then apps/*.yaml (skipped.yml excluded).
        assertThat(subjects(base)).containsExactly(
                "ServiceAccount/apps/first", "ClusterRole.rbac.authorization.k8s.io/reader", "Namespace/apps",
                "Secret/apps/credentials", "ConfigMap/apps/settings-prod-eu", "Deployment.apps/other/web");
    }

    @Test
    void listKindExpandsToItemsLocatedAtTheirOwnLines() throws InputException {
        var cluster = good().clusters().get(0);

        var account = object(cluster, "ServiceAccount/apps/first");
        assertThat(account.source()).isEqualTo(new SourceLocation(DIR.resolve("good/base/list.yaml"), 4));
        assertThat(object(cluster, "ClusterRole.rbac.authorization.k8s.io/reader").source().line()).isEqualTo(8);
    }

    @Test
    void placeholdersRenderPerClusterAndDoubleDollarIsLiteral() throws InputException {
        var desired = good();

        var eu = object(desired.clusters().get(0), "ConfigMap/apps/settings-prod-eu");
        var us = object(desired.clusters().get(1), "ConfigMap/apps/settings-prod-us");
        assertThat(eu.body()).extractingByKey("data").isEqualTo(Map.of(
                "greeting", "hello from prod-eu in eu", "literal", "${HOME} stays"));
        assertThat(us.body().get("data")).asString().contains("hello from prod-us in us");
        assertThat(map(map(us.body().get("metadata")).get("labels")).get("region")).isEqualTo("us");
        assertThat(eu.source().line()).isEqualTo(4);
    }

    @Test
    void namespaceIsDefaultedFromTargetOnlyForNamespacedKinds() throws InputException {
        var cluster = good().clusters().get(0);

        var config = object(cluster, "ConfigMap/apps/settings-prod-eu");
        assertThat(config.key()).isEqualTo(new ResourceKey("", "ConfigMap", "apps", "settings-prod-eu"));
        assertThat(map(config.body().get("metadata"))).containsEntry("namespace", "apps");
        var deployment = object(cluster, "Deployment.apps/other/web");
        assertThat(deployment.key().group()).isEqualTo("apps");
        assertThat(deployment.apiVersion()).isEqualTo("apps/v1");
        var namespace = object(cluster, "Namespace/apps");
        assertThat(namespace.key().namespaced()).isFalse();
        assertThat(map(namespace.body().get("metadata"))).doesNotContainKey("namespace");
    }

    @Test
    void crdsAmongManifestsDecideTheScopeOfTheirKinds() throws InputException {
        var crds = good().clusters().get(0).targets().get(1);

        assertThat(subjects(crds)).containsExactly(
                "CustomResourceDefinition.apiextensions.k8s.io/gadgets.example.io",
                "Gadget.example.io/global", "Widget.example.io/widgets/explicit");
    }

    @Test
    void secretStringDataIsFoldedIntoBase64Data() throws InputException {
        var secret = object(good().clusters().get(0), "Secret/apps/credentials");

        assertThat(secret.body()).doesNotContainKey("stringData");
        assertThat(map(secret.body().get("data"))).containsExactly(
                Map.entry("kept", "a2VwdA=="), Map.entry("overridden", base64("new")),
                Map.entry("password", base64("hunter2-s3cr3t")), Map.entry("port", base64("5432")));
    }

    @Test
    void statusAndNullsAreRemovedAndBodiesAreDeeplyUnmodifiable() throws InputException {
        var config = object(good().clusters().get(0), "ConfigMap/apps/settings-prod-eu");

        assertThat(config.body()).doesNotContainKey("status");
        var metadata = map(config.body().get("metadata"));
        assertThat(metadata).doesNotContainKey("creationTimestamp");
        assertThat(map(config.body().get("data"))).doesNotContainKey("nothing");
        assertThatThrownBy(() -> config.body().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> metadata.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        var containers = object(good().clusters().get(0), "Deployment.apps/other/web").body();
        var spec = map(map(map(containers.get("spec")).get("template")).get("spec"));
        assertThatThrownBy(() -> ((List<Object>) spec.get("containers")).add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void filtersSelectClustersAndTargets() throws InputException {
        var fleet = fleets.load(DIR.resolve("good/fleet.yaml"));

        var desired = loader.load(fleet, Set.of("prod-us", "dev-eu"), Set.of("crds"));

        // dev-eu is kept although crds does not select it: what crds may have left there is pruned.
        assertThat(desired.clusters()).extracting(c -> c.cluster().name()).containsExactly("prod-us", "dev-eu");
        assertThat(desired.clusters().get(0).targets()).extracting(t -> t.target().name()).containsExactly("crds");
        assertThat(desired.clusters().get(1).targets()).isEmpty();
    }

    @Test
    void unknownFilterNamesAreProblems() throws InputException {
        var fleet = fleets.load(DIR.resolve("good/fleet.yaml"));

        var problems = problems(() -> loader.load(fleet, Set.of("prod-asia"), Set.of("apps")));

        assertThat(problems).extracting(InputProblem::message).containsExactly(
                "no cluster named 'prod-asia' in the fleet (clusters: prod-eu, prod-us, dev-eu)",
                "no target named 'apps' in the fleet (targets: base, crds)");
    }

    @Test
    void resourcesMatchingNothingNameTheTargetField() throws InputException {
        var fleet = fleets.load(DIR.resolve("bad/fleet.yaml"));

        var problems = problems(() -> loader.load(fleet, Set.of(), Set.of()));

        assertProblem(problems, "fleet.yaml", 12, "targets[0].resources[1]", "'nothing/*.yaml' matches no file");
        assertProblem(problems, "fleet.yaml", 13, "targets[0].resources[2]", "'no-such-file.yaml' matches no file");
    }

    @Test
    void unknownPlaceholderAndUndefinedLabelAreLocated() throws InputException {
        var fleet = fleets.load(DIR.resolve("bad/fleet.yaml"));

        var problems = problems(() -> loader.load(fleet, Set.of(), Set.of()));

        assertProblem(problems, "placeholders.yaml", 6, null, "unknown placeholder ${cluster.region}");
        assertProblem(problems, "placeholders.yaml", 7, null, "cluster 'prod-eu' has no label 'tier'");
    }

    @Test
    void unterminatedPlaceholderIsLocated() {
        assertProblem(problems("unterminated.yaml", "apps"), "unterminated.yaml", 6, null, "unterminated ${");
    }

    @Test
    void missingIdentityFieldsAreReportedAtTheDocumentStart() {
        var problems = problems("missing-identity.yaml", "apps");

        assertProblem(problems, "missing-identity.yaml", 1, "apiVersion", "missing required field apiVersion");
        assertProblem(problems, "missing-identity.yaml", 5, "kind", "missing required field kind");
        assertProblem(problems, "missing-identity.yaml", 9, "metadata.name", "missing required field metadata.name");
    }

    @Test
    void namespacedObjectWithoutAnyNamespaceIsRejected() {
        assertProblem(problems("no-namespace.yaml", null), "no-namespace.yaml", 1, "metadata.namespace",
                "ConfigMap homeless is namespaced but sets no metadata.namespace, and target 'test' has no default");
    }

    @Test
    void clusterScopedObjectWithNamespaceIsRejected() {
        assertProblem(problems("cluster-scoped-namespace.yaml", "apps"), "cluster-scoped-namespace.yaml", 1,
                "metadata.namespace", "ClusterRole reader is cluster-scoped and must not set metadata.namespace");
    }

    @Test
    void sameObjectTwiceInOneFileNamesBothPlaces() {
        var problems = problems("duplicate.yaml", "apps");

        assertProblem(problems, "duplicate.yaml", 7, null, "ConfigMap/apps/twice is rendered twice for cluster"
                + " 'prod-eu': here (target 'test') and at " + DIR.resolve("bad/duplicate.yaml") + ":1");
    }

    @Test
    void sameObjectFromTwoTargetsNamesBothTargets() {
        var file = List.of("duplicate.yaml");
        var problems = problems(() -> loader.load(fleet(List.of(
                new Target("one", new ClusterSelector(List.of("prod-eu"), Map.of()), "apps", List.of(new Source.Files("no-namespace.yaml")), true),
                new Target("two", new ClusterSelector(List.of(), Map.of("env", "prod")), "apps", List.of(new Source.Files("no-namespace.yaml")), true))),
                Set.of(), Set.of()));

        assertProblem(problems, "no-namespace.yaml", 1, null, "here (target 'two') and at");
        assertThat(problems.get(0).message()).contains("(target 'one')");
    }

    @Test
    void crdsDisagreeingOnScopeAreRejected() {
        assertProblem(problems("crd-scope-conflict.yaml", "apps"), "crd-scope-conflict.yaml", 10, "spec.scope",
                "CustomResourceDefinition for Gadget.example.io disagrees on spec.scope with the one at");
    }

    @Test
    void malformedManifestNamesLineAndColumn() {
        var problems = problems("malformed.yaml", "apps");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName()).hasToString("malformed.yaml");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).startsWith("invalid YAML");
        });
    }

    @Test
    void nonMappingDocumentIsRejected() {
        assertProblem(problems("not-a-mapping.yaml", "apps"), "not-a-mapping.yaml", 1, null, "must be a mapping");
    }

    @Test
    void secretProblemsNeverShowSecretValues() {
        var thrown = catchThrowable(() -> loader.load(fleet("bad-secret.yaml", "apps"), Set.of(), Set.of()));

        assertThat(thrown).isInstanceOf(InputException.class).hasMessageContaining("stringData.nested must be a string")
                .hasMessageNotContaining("topsecret");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A one-cluster fleet whose only target renders one fixture of manifest/bad. */
    static Fleet fleet(String fixture, String namespace) {
        return fleet(List.of(new Target("test", new ClusterSelector(List.of("prod-eu"), Map.of()), namespace,
                List.of(new Source.Files(fixture)), true)));
    }

    static Fleet fleet(List<Target> targets) {
        var cluster = new Cluster("prod-eu", Map.of("env", "prod"),
                new Connection.Kubeconfig(DIR.resolve("kubeconfig"), "prod-eu", false));
        return new Fleet(DIR.resolve("bad/fleet.yaml"), List.of(cluster), targets);
    }

    private List<InputProblem> problems(String fixture, String namespace) {
        return problems(() -> loader.load(fleet(fixture, namespace), Set.of(), Set.of()));
    }

    private static List<InputProblem> problems(org.assertj.core.api.ThrowableAssert.ThrowingCallable load) {
        var thrown = catchThrowable(load);
        assertThat(thrown).isInstanceOf(InputException.class);
        return ((InputException) thrown).problems();
    }

    private static void assertProblem(List<InputProblem> problems, String file, int line, String field, String message) {
        assertThat(problems).as(problems.toString()).anySatisfy(p -> {
            assertThat(p.file().getFileName()).hasToString(file);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(message);
        });
    }
}
