package io.fleetsync.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fleetsync.fleet.FleetLoader;
import io.fleetsync.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generator and Kustomize sources rendered while loading, with real processes: the fixture generator script and
 * the kustomize binary of {@code FLEETSYNC_KUSTOMIZE} (scripts/kustomize) or PATH.
 */
class RenderedSourcesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/render").toAbsolutePath();
    private static final String CLUSTERS = """
            clusters:
              - {name: prod-eu, labels: {env: prod, region: eu}, context: prod-eu, kubeconfig: kubeconfig}
              - {name: prod-us, labels: {env: prod, region: us}, context: prod-us, kubeconfig: kubeconfig}
              - {name: staging-eu, labels: {env: staging, region: eu}, context: dev-eu, kubeconfig: kubeconfig}
            targets:
            """;

    @TempDir
    Path dir;
    private final List<String> log = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>(System.getenv());

    @BeforeEach
    void copyFixtures() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            files.forEach(source -> {
                var copy = dir.resolve(FIXTURES.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.copy(Path.of("src/test/resources/manifest/kubeconfig"), dir.resolve("kubeconfig"));
    }

    private DesiredFleet load(String targets) throws InputException, IOException {
        var file = dir.resolve("fleet.yaml");
        Files.writeString(file, CLUSTERS + targets);
        var fleet = new FleetLoader(Map.of(), dir).load(file);
        return new DesiredStateLoader(environment, log::add).load(fleet, Set.of(), Set.of());
    }

    private InputException failure(String targets) {
        return catchThrowableOfType(InputException.class, () -> load(targets));
    }

    private static List<DesiredObject> objects(DesiredFleet desired, String cluster) {
        return desired.clusters().stream().filter(c -> c.cluster().name().equals(cluster))
                .flatMap(c -> c.targets().stream()).flatMap(t -> t.objects().stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(DesiredObject object) {
        return (Map<String, Object>) object.body().get("data");
    }

    private long runs() throws IOException {
        var counter = dir.resolve("runs");
        return Files.exists(counter) ? Files.readAllLines(counter).size() : 0;
    }

    @Test
    void generatorOutputBecomesObjectsLocatedByItsCommand() throws Exception {
        var desired = load("""
                  - name: gen
                    clusters: {names: [prod-eu]}
                    namespace: apps
                    resources:
                      - exec: [./generator/gen.sh, settings]
                """);

        var objects = objects(desired, "prod-eu");
        assertThat(objects).extracting(o -> o.key().subject()).containsExactly("ConfigMap/apps/settings",
                "Secret/apps/settings-credentials");
        assertThat(objects.get(1).source()).hasToString("exec:./generator/gen.sh settings (document 2)");
        assertThat(objects.get(1).source().file()).isEqualTo(dir.resolve("fleet.yaml"));
        assertThat(objects.get(1).source().line()).isEqualTo(10);
    }

    @Test
    void identicalInputsRenderOnceForTheWholeFleet() throws Exception {
        var desired = load("""
                  - name: gen
                    clusters: {labels: {env: prod}, names: [staging-eu]}
                    namespace: apps
                    resources:
                      - exec: [./generator/gen.sh, settings, %s]
                """.formatted(dir.resolve("runs")));

        assertThat(desired.clusters()).hasSize(3).allSatisfy(c -> assertThat(c.targets().getFirst().objects())
                .hasSize(2));
        assertThat(runs()).isEqualTo(1);
    }

    @Test
    void clusterPlaceholdersInArgumentsRenderOncePerDistinctValue() throws Exception {
        var desired = load("""
                  - name: by-name
                    clusters: {labels: {env: prod}, names: [staging-eu]}
                    namespace: apps
                    resources:
                      - exec: [./generator/gen.sh, "settings-${cluster.name}", %1$s]
                  - name: by-region
                    clusters: {labels: {env: prod}, names: [staging-eu]}
                    namespace: apps
                    resources:
                      - exec: [./generator/gen.sh, "region-${cluster.labels.region}", %1$s]
                """.formatted(dir.resolve("runs")));

        // 3 names + 2 distinct regions (eu twice).
        assertThat(runs()).isEqualTo(5);
        assertThat(objects(desired, "prod-us")).extracting(o -> o.key().name()).contains("settings-prod-us",
                "region-us");
    }

    @Test
    void generatorsThatAskForTheClusterGetItsNameAndLabelsButNeverCredentials() throws Exception {
        environment.put("KUBECONFIG", "/secret/kubeconfig");
        environment.put("FLEET_TOKEN", "tok-12345");
        var desired = load("""
                  - name: gen
                    clusters: {labels: {env: prod}}
                    namespace: apps
                    resources:
                      - exec: [./generator/gen.sh, settings, %s]
                        clusterEnv: true
                """.formatted(dir.resolve("runs")));

        var eu = data(objects(desired, "prod-eu").getFirst());
        assertThat(eu).containsEntry("cluster", "prod-eu").containsEntry("region", "eu")
                .containsEntry("kubeconfig", "unset").containsEntry("token", "unset");
        assertThat(data(objects(desired, "prod-us").getFirst())).containsEntry("cluster", "prod-us");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void aFailingGeneratorIsAnInputProblemWithItsStderr() throws Exception {
        Files.writeString(dir.resolve("generator/fail.sh"), "#!/bin/sh\necho 'template error: values.yaml: no key"
                + " \"replicas\"' >&2\nexit 3\n");
        dir.resolve("generator/fail.sh").toFile().setExecutable(true);

        var e = failure("""
                  - name: gen
                    clusters: {names: [prod-eu]}
                    namespace: apps
                    resources:
                      - exec: [./generator/fail.sh]
                """);

        assertThat(e.getMessage()).contains("fleet.yaml:10").contains("targets[0].resources[0]")
                .contains("exec:./generator/fail.sh failed: exit status 3")
                .contains("template error: values.yaml: no key \"replicas\"");
    }

    @Test
    void aMissingGeneratorNamesTheProgram() {
        var e = failure("""
                  - name: gen
                    clusters: {names: [prod-eu]}
                    namespace: apps
                    resources:
                      - exec: [no-such-generator-ytt, -f, config/]
                """);

        assertThat(e.getMessage()).contains("fleet.yaml:10").contains("targets[0].resources[0].exec[0]")
                .contains("generator 'no-such-generator-ytt' not found: no executable of that name on PATH");
    }

    @Test
    void generatorOutputThatIsNotYamlOrNotObjectsIsReportedAtTheEntry() throws Exception {
        Files.writeString(dir.resolve("generator/bad.sh"), "#!/bin/sh\nprintf 'apiVersion: v1\\nkind: ConfigMap\\n"
                + "metadata: {name: a}\\n---\\nkind: [unclosed\\n'\n");
        Files.writeString(dir.resolve("generator/noname.sh"), "#!/bin/sh\nprintf 'apiVersion: v1\\nkind: "
                + "ConfigMap\\n---\\napiVersion: v1\\nkind: ConfigMap\\nmetadata: {}\\n'\n");
        dir.resolve("generator/bad.sh").toFile().setExecutable(true);
        dir.resolve("generator/noname.sh").toFile().setExecutable(true);

        var e = failure("""
                  - name: gen
                    clusters: {names: [prod-eu]}
                    namespace: apps
                    resources:
                      - exec: [./generator/bad.sh]
                      - exec: [./generator/noname.sh]
                """);

        assertThat(e.problems()).extracting(p -> p.describe()).anySatisfy(m -> assertThat(m)
                .contains("fleet.yaml:10").contains("exec:./generator/bad.sh printed invalid YAML at line 6 of its"
                        + " output"))
                .anySatisfy(m -> assertThat(m).contains("fleet.yaml:11")
                        .contains("metadata.name: exec:./generator/noname.sh (document 2): missing required field"));
    }

    @Test
    void kustomizeOverlaysAreSelectedByClusterLabels() throws Exception {
        var desired = load("""
                  - name: web
                    clusters: {labels: {region: eu}}
                    namespace: web
                    resources:
                      - kustomize: kustomize/overlays/${cluster.labels.env}
                """);

        var prod = objects(desired, "prod-eu");
        assertThat(prod).extracting(o -> o.key().subject()).containsExactly(
                "ConfigMap/web/web-config-prod-dfk4bdbtkk", "Service/web/web-prod", "Deployment.apps/web/web-prod");
        assertThat(((Map<?, ?>) prod.get(2).body().get("spec")).get("replicas")).isEqualTo(3);
        assertThat(prod.get(2).source()).hasToString("kustomize:kustomize/overlays/prod (document 3)");
        assertThat(objects(desired, "staging-eu")).extracting(o -> o.key().name()).contains("web-staging");
        assertThat(log).singleElement().asString().startsWith("render: kustomize v5.");
    }

    @Test
    void withOnlyKubectlInstalledOverlaysRenderWithKubectlKustomizeAndItsEmbeddedVersionIsReported()
            throws Exception {
        var path = Files.createDirectories(dir.resolve("only-kubectl"));
        Files.createSymbolicLink(path.resolve("kubectl"), io.fleetsync.testing.KubeBinaries.fromEnvironment()
                .binary("kubectl"));
        environment.remove("FLEETSYNC_KUSTOMIZE");
        environment.put("PATH", path.toString());

        var desired = load("""
                  - name: web
                    clusters: {labels: {region: eu}}
                    namespace: web
                    resources:
                      - kustomize: kustomize/overlays/${cluster.labels.env}
                """);

        assertThat(objects(desired, "prod-eu")).extracting(o -> o.key().subject()).containsExactly(
                "ConfigMap/web/web-config-prod-dfk4bdbtkk", "Service/web/web-prod", "Deployment.apps/web/web-prod");
        assertThat(log).singleElement().asString().matches("render: kustomize v5\\.[0-9.]+ \\(embedded in kubectl"
                + " v1\\.[0-9.]+\\) \\(.*/kubectl kustomize\\)");
    }

    @Test
    void aMissingKustomizeSaysWhatToInstall() {
        environment.remove("FLEETSYNC_KUSTOMIZE");
        environment.put("PATH", dir.resolve("empty-path").toString());

        var e = failure("""
                  - name: web
                    clusters: {names: [prod-eu]}
                    namespace: web
                    resources:
                      - kustomize: kustomize/overlays/prod
                """);

        assertThat(e.getMessage()).contains("fleet.yaml:10").contains("targets[0].resources[0].kustomize")
                .contains("no kustomize binary found (nor kubectl)")
                .contains("https://kubectl.docs.kubernetes.io/installation/kustomize/")
                .contains("FLEETSYNC_KUSTOMIZE");
    }

    @Test
    void kustomizeErrorsShowKustomizesOwnWordsAndANonKustomizeDirectoryIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/kustomization.yaml"), "resources: [missing-file.yaml]\n");

        var e = failure("""
                  - name: web
                    clusters: {names: [prod-eu]}
                    namespace: web
                    resources:
                      - kustomize: broken
                      - kustomize: generator
                """);

        assertThat(e.problems()).extracting(p -> p.describe())
                .anySatisfy(m -> assertThat(m).contains("fleet.yaml:10").contains("kustomize:broken failed: exit"
                        + " status 1").contains("missing-file.yaml"))
                .anySatisfy(m -> assertThat(m).contains("fleet.yaml:11")
                        .contains("'generator' is not a Kustomize directory"));
    }

    private static final String CHART = """
              - name: web
                clusters: {labels: {region: eu}}
                namespace: web
                resources:
                  - helm:
                      chart: charts/web
                      values: ["values/${cluster.labels.env}.yaml"]
                      set: {owner: "team-${cluster.labels.region}"}
            """;

    @Test
    void aChartRendersWithCrdsPerEnvironmentValuesAndItsHooksSetApartAsSkipped() throws Exception {
        environment.put("FLEETSYNC_HELM", helm());
        var desired = load(CHART);

        var prod = objects(desired, "prod-eu");
        assertThat(prod).extracting(o -> o.key().subject()).containsExactly(
                "CustomResourceDefinition.apiextensions.k8s.io/gadgets.charts.fleetsync.io",
                "Secret/web/web-credentials", "ConfigMap/web/web-settings", "Gadget.charts.fleetsync.io/web/web-gadget");
        assertThat(data(prod.get(2))).containsEntry("greeting", "hello from prod-eu").containsEntry("replicas", "3")
                .containsEntry("owner", "team-eu");
        assertThat(data(objects(desired, "staging-eu").get(2))).containsEntry("greeting", "hello staging staging-eu")
                .containsEntry("replicas", "1");
        assertThat(prod.get(1).source()).hasToString("helm:charts/web (document 2)");
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("render: helm v3.22"))
                .anySatisfy(l -> assertThat(l).contains("skipped 2 Helm hook object(s)")
                        .contains("Job/web-migrate (pre-install,pre-upgrade)").contains("Pod/web-test-connection (test)"));
        var skipped = desired.clusters().stream().filter(c -> c.cluster().name().equals("staging-eu")).findFirst()
                .orElseThrow().skipped();
        assertThat(skipped).extracting(s -> s.key().subject() + " " + s.target() + " " + s.hook() + " " + s.reason()
                + " " + s.source()).containsExactly(
                "Pod/web/web-test-connection web test HELM_HOOK helm:charts/web (document 5)",
                "Job.batch/web/web-migrate web pre-install,pre-upgrade HELM_HOOK helm:charts/web (document 6)");
        assertThat(SourceCounts.of(desired)).contains("web: helm:charts/web: 8 objects on 2 clusters (4 Helm hook"
                + " objects skipped)");
    }

    @Test
    void aChartWithTheSameValuesForEveryClusterRendersOnce() throws Exception {
        // A helm that counts its runs, then hands over to the real one.
        var counting = dir.resolve("counting-helm");
        Files.writeString(counting, "#!/bin/sh\necho \"$*\" >> " + dir.resolve("runs") + "\nexec " + helm()
                + " \"$@\"\n");
        counting.toFile().setExecutable(true);
        environment.put("FLEETSYNC_HELM", counting.toString());

        load("""
                  - name: web
                    clusters: {labels: {env: prod}, names: [staging-eu]}
                    namespace: web
                    resources:
                      - helm: {chart: charts/web, values: [values/shared.yaml]}
                """);
        long same = runs();
        Files.delete(dir.resolve("runs"));
        load(CHART.replace("region: eu", "env: prod"));

        // 1 render + 1 `helm version`; then two prod clusters with distinct names in their values: 2 + 1.
        assertThat(same).isEqualTo(2);
        assertThat(runs()).isEqualTo(3);
    }

    @Test
    void chartProblemsAreReportedAtTheEntryWithHelmsOwnWords() throws Exception {
        environment.put("FLEETSYNC_HELM", helm());
        Files.writeString(dir.resolve("charts/web/templates/broken.yaml"), "data: {{ .Values.missing.key }}\n");

        var e = failure("""
                  - name: web
                    clusters: {names: [prod-eu]}
                    namespace: web
                    resources:
                      - helm: {chart: charts/web, values: [values/none.yaml]}
                      - helm: {chart: charts/web}
                      - helm: {chart: charts/web, values: [values/bad-placeholder.yaml]}
                """.replace("bad-placeholder", writeValues("bad-placeholder", "greeting: ${cluster.zone}\n")));

        assertThat(e.problems()).extracting(p -> p.describe())
                .anySatisfy(m -> assertThat(m).contains("fleet.yaml:10").contains("helm.values[0]")
                        .contains("values file values/none.yaml does not exist"))
                .anySatisfy(m -> assertThat(m).contains("fleet.yaml:11").contains("helm:charts/web failed: exit status 1")
                        .contains("nil pointer evaluating interface {}.key"))
                .anySatisfy(m -> assertThat(m).contains("values/bad-placeholder.yaml:1:11")
                        .contains("unknown placeholder ${cluster.zone}"));
    }

    @Test
    void aMissingHelmSaysWhatToInstall() {
        environment.remove("FLEETSYNC_HELM");
        environment.put("PATH", dir.resolve("empty-path").toString());

        var e = failure(CHART);

        assertThat(e.getMessage()).contains("fleet.yaml:10").contains("targets[0].resources[0].helm")
                .contains("no helm binary found").contains("https://helm.sh/docs/intro/install/")
                .contains("FLEETSYNC_HELM");
    }

    private String writeValues(String name, String content) {
        try {
            Files.writeString(dir.resolve("values/" + name + ".yaml"), content);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The helm of FLEETSYNC_HELM (scripts/test exports the one scripts/helm builds), else helm on PATH. */
    private String helm() {
        var named = System.getenv("FLEETSYNC_HELM");
        if (named != null) {
            return named;
        }
        var found = new RendererBinaries(System.getenv()).helm();
        assertThat(found).as("helm on PATH or FLEETSYNC_HELM (scripts/helm builds it)").isPresent();
        return found.get().toString();
    }
}
