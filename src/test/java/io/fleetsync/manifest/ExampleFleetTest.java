package io.fleetsync.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.fleet.Connection;
import io.fleetsync.fleet.FleetLoader;
import io.fleetsync.input.InputException;
import io.fleetsync.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README demo's fleet must keep loading: it is copied next to a fake kubeconfig with its three contexts. */
class ExampleFleetTest {
    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            contexts:
              - {name: local-1, context: {cluster: local-1, user: local-1}}
              - {name: local-2, context: {cluster: local-2, user: local-2}}
              - {name: local-3, context: {cluster: local-3, user: local-3}}
            """;

    @TempDir
    Path temp;

    @Test
    void exampleFleetLoadsWithItsManifests() throws IOException, InputException {
        var examples = TestFiles.copyTree(Path.of("examples"), temp.resolve("examples"));
        var kubeconfig = temp.resolve(".fleetsync/local/kubeconfig");
        Files.createDirectories(kubeconfig.getParent());
        Files.writeString(kubeconfig, KUBECONFIG);

        var fleet = new FleetLoader(Map.of(), temp).load(examples.resolve("fleet.yaml"));
        var desired = new DesiredStateLoader().load(fleet, Set.of(), Set.of());

        assertThat(((Connection.Kubeconfig) fleet.clusters().get(0).connection()).kubeconfig()).isEqualTo(kubeconfig);
        assertThat(desired.clusters()).extracting(c -> c.cluster().name()).containsExactly("local-1", "local-2", "local-3");
        var dev = desired.clusters().get(0);
        assertThat(dev.targets()).extracting(t -> t.target().name()).containsExactly("base", "greeter", "echo");
        assertThat(dev.targets().get(0).objects()).extracting(o -> o.key().subject()).containsExactly(
                "Namespace/demo", "ConfigMap/demo/demo-config", "Deployment.apps/demo/demo", "Secret/demo/demo-secret",
                "Service/demo/demo");
        var prodUs = desired.clusters().get(2);
        assertThat(prodUs.targets().get(1).objects()).extracting(o -> o.key().subject()).containsExactly(
                "CustomResourceDefinition.apiextensions.k8s.io/widgets.demo.fleetsync.io",
                "Widget.demo.fleetsync.io/demo/first-widget");
        var config = prodUs.targets().get(0).objects().get(1).body();
        assertThat(config.get("data")).isEqualTo(Map.of("CLUSTER_NAME", "local-3", "CLUSTER_REGION", "us",
                "GREETING", "Hello from local-3 in us"));
        assertThat(config.get("metadata").toString()).contains("fleetsync.io/restart-on-change=true");
        var deployment = prodUs.targets().get(0).objects().get(2).body();
        assertThat(deployment.get("spec").toString()).doesNotContain("replicas").contains("registry.k8s.io/pause:3.10");
        var secret = prodUs.targets().get(0).objects().get(3).body();
        assertThat(secret).doesNotContainKey("stringData").containsKey("data");
    }

    /** The chart and the overlays are rendered per cluster with the helm and kustomize scripts/test provides. */
    @Test
    void exampleChartAndOverlaysRenderPerEnvironment() throws IOException, InputException {
        var examples = TestFiles.copyTree(Path.of("examples"), temp.resolve("examples"));
        var kubeconfig = temp.resolve(".fleetsync/local/kubeconfig");
        Files.createDirectories(kubeconfig.getParent());
        Files.writeString(kubeconfig, KUBECONFIG);

        var fleet = new FleetLoader(Map.of(), temp).load(examples.resolve("fleet.yaml"));
        var desired = new DesiredStateLoader().load(fleet, Set.of(), Set.of());

        var dev = desired.clusters().get(0);
        var prodUs = desired.clusters().get(2);
        var chart = prodUs.targets().get(2);
        assertThat(chart.target().name()).isEqualTo("greeter");
        assertThat(chart.objects()).extracting(o -> o.key().subject()).containsExactly(
                "CustomResourceDefinition.apiextensions.k8s.io/greetings.demo.fleetsync.io",
                "Secret/demo/greeter-token", "ConfigMap/demo/greeter-settings", "Greeting.demo.fleetsync.io/demo/greeter");
        assertThat(chart.objects().get(2).body().get("data")).isEqualTo(Map.of("greeting",
                "hello from local-3 (prod, us)", "replicas", "3", "tier", "production", "region", "us"));
        assertThat(chart.objects().get(1).body()).doesNotContainKey("stringData").containsKey("data");
        assertThat(chart.skipped()).extracting(s -> s.key().subject() + " " + s.hook())
                .containsExactly("Pod/demo/greeter-test test");
        assertThat(dev.targets().get(1).objects().get(2).body().get("data").toString())
                .contains("greeting=hello from local-1 (dev, eu)", "tier=dev");

        var devEcho = dev.targets().get(2).objects();
        var prodEcho = prodUs.targets().get(3).objects();
        assertThat(devEcho).extracting(o -> o.key().subject()).hasSize(3)
                .contains("Service/demo/echo", "Deployment.apps/demo/echo")
                .anySatisfy(s -> assertThat(s).startsWith("ConfigMap/demo/echo-env-"));
        assertThat(devEcho.get(0).key()).as("each overlay generates its own ConfigMap")
                .isNotEqualTo(prodEcho.get(0).key());
        assertThat(devEcho.get(2).body().get("spec").toString()).contains("replicas=1");
        assertThat(prodEcho.get(2).body().get("spec").toString()).contains("replicas=3");
        assertThat(SourceCounts.of(desired)).contains(
                "greeter: helm:charts/greeter: 12 objects on 3 clusters (3 Helm hook objects skipped)",
                "echo: kustomize:kustomize/overlays/dev: 3 objects on 1 cluster",
                "echo: kustomize:kustomize/overlays/prod: 6 objects on 2 clusters");
    }
}
