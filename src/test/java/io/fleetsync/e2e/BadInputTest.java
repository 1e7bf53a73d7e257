package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad input stops fleetsync before any cluster is contacted: exit 64, a message naming the file,
 * line and field, and not one request at the API server (counted by the server itself).
 */
@QuarkusMainTest
class BadInputTest {
    private static final Set<String> ANY = Set.of("GET", "LIST", "APPLY", "PATCH", "POST", "PUT", "DELETE", "WATCH");
    private final Clusters clusters = ClusterPool.instance().shared(1);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed manifest YAML      | app/cfg.yaml   | 'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: x\\n'        | cfg.yaml:
            manifest without apiVersion  | app/cfg.yaml   | 'kind: ConfigMap\\nmetadata: {name: x}\\n'                       | apiVersion
            manifest without kind        | app/cfg.yaml   | 'apiVersion: v1\\nmetadata: {name: x}\\n'                        | kind
            manifest without name        | app/cfg.yaml   | 'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {}\\n'              | metadata.name
            undefined cluster reference  | app/cfg.yaml   | 'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: x}\\ndata: {a: ${cluster.labels.nope}}\\n' | nope
            same object twice            | app/dup.yaml   | 'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: cfg}\\n'     | cfg
            namespaced without namespace | app/cfg.yaml   | 'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: x}\\n'       | namespace
            unknown fleet field          | fleet-extra    | 'colour: blue'                                                    | colour
            glob matching nothing        | fleet-glob     | 'nothing/*.yaml'                                                  | resources
            missing context              | fleet-context  | 'no-such-context'                                                 | context
            """)
    void isRejectedBeforeAnyRequest(String label, String file, String content, String expected,
                                    QuarkusMainLauncher launcher, @TempDir Path dir) {
        var ws = new Workspace(dir, clusters);
        ws.write("app/cfg.yaml", Manifests.configMap("cfg", "x"));
        var text = content.replace("\\n", "\n");
        var namespace = label.equals("namespaced without namespace") ? "" : "    namespace: default\n";
        var resources = file.equals("fleet-glob") ? "[app/, \"" + text + "\"]" : "[app/]";
        var context = file.equals("fleet-context") ? text : ws.cluster(0).name();
        var clustersYaml = "  - name: one\n    kubeconfig: kubeconfig\n    context: " + context + "\n"
                + (file.equals("fleet-extra") ? "    " + text + "\n" : "");
        ws.fleet(clustersYaml, "  - name: bad-" + ws.id + "\n    clusters: {names: [one]}\n" + namespace
                + "    resources: " + resources + "\n");
        if (file.startsWith("app/")) {
            ws.write(file, text);
        }
        long before = ApiRequests.count(ws.cluster(0), Set.of("configmaps", "namespaces", ""), ANY)
                + ApiRequests.countAll(ws.cluster(0));

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath());

        long after = ApiRequests.count(ws.cluster(0), Set.of("configmaps", "namespaces", ""), ANY)
                + ApiRequests.countAll(ws.cluster(0));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.err()).contains(expected).containsPattern("\\.yaml:\\d+");
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
        assertThat(after - before).as("requests that reached the API server (our own metric scrapes excluded)")
                .isLessThanOrEqualTo(1);
        ApiRequests.assertSeesAKnownRequest("requests to the cluster", () -> ApiRequests.countAll(ws.cluster(0)),
                ApiRequests.get(ws.cluster(0), "default"));
    }
}
