package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for a new CRD to be Established costs a watch on it, not a megabyte GET five times a second. */
@QuarkusMainTest
class CrdWaitTest {
    private static final Set<String> CRDS = Set.of("customresourcedefinitions");
    private static final int PROPERTIES = 6000;
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
    }

    @Test
    void aMegabyteCrdIsAwaitedWithAWatchAndItsCustomResourceIsCreated(QuarkusMainLauncher launcher) {
        var group = "w" + ws.id + ".example.com";
        var crdYaml = bigCrd(group);
        assertThat(crdYaml.length()).as("a CRD the size users apply").isGreaterThan(900_000);
        ws.write("app/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ws.ns("crd") + "\n");
        ws.write("app/crd.yaml", crdYaml);
        ws.write("app/widget.yaml", """
                apiVersion: %s/v1
                kind: Widget
                metadata:
                  name: first
                  namespace: %s
                spec:
                  p1: one
                  p2: two
                """.formatted(group, ws.ns("crd")));
        ws.fleet("""
                  - name: crd-%s
                    clusters: {names: [%s]}
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name()));
        var cluster = ws.cluster(0);
        // Planning may look the CRD up itself; a plan run first says how many GETs that takes.
        long beforePlan = ApiRequests.count(cluster, CRDS, Set.of("GET"));
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath()).exitCode()).isZero();
        long planningGets = ApiRequests.count(cluster, CRDS, Set.of("GET")) - beforePlan;
        long getsBefore = ApiRequests.count(cluster, CRDS, Set.of("GET"));
        long watchesBefore = ApiRequests.count(cluster, CRDS, Set.of("WATCH"));

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(cluster.client().genericKubernetesResources(group + "/v1", "Widget").inNamespace(ws.ns("crd"))
                .withName("first").get()).as("the custom resource was applied after the wait").isNotNull();
        long gets = ApiRequests.count(cluster, CRDS, Set.of("GET")) - getsBefore;
        assertThat(gets).as("no GET of the CRD while waiting for it, only planning's").isEqualTo(planningGets);
        // The server counts a watch when it ends; fleetsync ends it as soon as the CRD is Established.
        long watches = ApiRequests.count(cluster, CRDS, Set.of("WATCH")) - watchesBefore;
        // For the record (docs/reliability.md): what the server saw for this apply.
        System.out.printf("crd-wait: CRD %d bytes; planning GETs %d, apply GETs %d, WATCHes %d, apply %s ms%n",
                crdYaml.length(), planningGets, gets, watches, run.json().get("clusters").get(0).get("durationMs"));
        assertThat(watches).as("the wait was a watch").isEqualTo(1);

        // Positive control: one GET of that CRD is counted where the assertion above looked.
        cluster.client().apiextensions().v1().customResourceDefinitions().withName("widgets." + group).get();
        assertThat(ApiRequests.count(cluster, CRDS, Set.of("GET")) - getsBefore).isEqualTo(gets + 1);
    }

    /** A CRD whose schema has thousands of documented properties, as generated CRDs of big operators have. */
    private static String bigCrd(String group) {
        var sb = new StringBuilder("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.%s
                spec:
                  group: %s
                  scope: Namespaced
                  names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec:
                            type: object
                            properties:
                """.formatted(group, group));
        for (int i = 0; i < PROPERTIES; i++) {
            sb.append("                  p").append(i).append(":\n")
              .append("                    type: string\n")
              .append("                    description: Setting number ").append(i)
              .append(" of the widget; documented at length as generated CRDs are, to weigh what they weigh.\n");
        }
        return sb.toString();
    }
}
