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
        assertThat(dev.targets()).extracting(t -> t.target().name()).containsExactly("base");
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
}
