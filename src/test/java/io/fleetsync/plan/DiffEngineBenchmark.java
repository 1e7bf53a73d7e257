package io.fleetsync.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsync.diff.FieldDiff;
import io.fleetsync.diff.ManagedFields;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The no-op plan's per-object work, without any request: cut the live object down to the fields fleetsync owns
 * (managedFields) and compare that with the manifest. Objects per second on one thread; run by bench/jmh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Threads(1)
public class DiffEngineBenchmark {
    /** Objects in one invocation: a live object of each kind the benchmark fleet uses. */
    static final int OBJECTS = 5;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String LABEL = "\"applyset.kubernetes.io/part-of\":\"applyset-abc-v1\"";
    private static final String MF_META = "\"f:metadata\":{\"f:labels\":{\"f:applyset.kubernetes.io/part-of\":{}}}";

    private final ManagedFields managedFields = new ManagedFields();
    private List<Map<String, Object>> desired;
    private List<Map<String, Object>> live;
    private List<String> apiVersions;

    @Setup
    public void setUp() throws Exception {
        var json = new ObjectMapper();
        desired = List.of(
                json.readValue(CONFIGMAP_DESIRED, MAP), json.readValue(SECRET_DESIRED, MAP),
                json.readValue(DEPLOYMENT_DESIRED, MAP), json.readValue(SERVICE_DESIRED, MAP),
                json.readValue(WIDGET_DESIRED, MAP));
        live = List.of(
                json.readValue(CONFIGMAP_LIVE, MAP), json.readValue(SECRET_LIVE, MAP),
                json.readValue(DEPLOYMENT_LIVE, MAP), json.readValue(SERVICE_LIVE, MAP),
                json.readValue(WIDGET_LIVE, MAP));
        apiVersions = desired.stream().map(d -> (String) d.get("apiVersion")).toList();
        for (int i = 0; i < OBJECTS; i++) {
            if (!unchanged(i)) {
                throw new IllegalStateException("fixture " + i + " is not unchanged: " + diff(i));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(OBJECTS)
    public void unchangedObjects(Blackhole bh) {
        for (int i = 0; i < OBJECTS; i++) {
            bh.consume(unchanged(i));
        }
    }

    private boolean unchanged(int i) {
        return diff(i).isEmpty();
    }

    private List<String> diff(int i) {
        var owned = managedFields.ownedBy(live.get(i), "fleetsync", apiVersions.get(i));
        return owned.isEmpty() ? List.of("<no owned fields>")
                : FieldDiff.paths(ObjectContent.ownedShape(desired.get(i)), owned.get());
    }

    private static String liveMeta(String name, String extra, String managed) {
        return "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"c1-a\",\"uid\":\"0b7c3a8e-1f0e-4a51-9a57-8d3c1a0f6d21\","
                + "\"resourceVersion\":\"48213\",\"creationTimestamp\":\"2026-11-27T01:00:00Z\"," + extra
                + "\"labels\":{" + LABEL + "},\"managedFields\":[" + managed + "]}";
    }

    private static String entry(String manager, String operation, String apiVersion, String fields) {
        return "{\"manager\":\"" + manager + "\",\"operation\":\"" + operation + "\",\"apiVersion\":\"" + apiVersion
                + "\",\"time\":\"2026-11-27T01:00:00Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{" + fields + "}}";
    }

    static final String CONFIGMAP_DESIRED = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-1","namespace":"c1-a","labels":{%s}},
             "data":{"app.properties":"mode=fast\\nlevel=3\\nregion=eu","rev":"1","owner":"team-a","greeting":"hello"}}
            """.formatted(LABEL);
    static final String CONFIGMAP_LIVE = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"," + liveMeta("cm-1", "",
            entry("fleetsync", "Apply", "v1", MF_META + ",\"f:data\":{\"f:app.properties\":{},\"f:rev\":{},"
                    + "\"f:owner\":{},\"f:greeting\":{}}"))
            + ",\"data\":{\"app.properties\":\"mode=fast\\nlevel=3\\nregion=eu\",\"rev\":\"1\",\"owner\":\"team-a\","
            + "\"greeting\":\"hello\"}}";

    static final String SECRET_DESIRED = """
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s-1","namespace":"c1-a","labels":{%s}},
             "type":"Opaque","data":{"password":"c2VjcmV0LTE=","token":"dG9rZW4tYWJj"}}
            """.formatted(LABEL);
    static final String SECRET_LIVE = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\"," + liveMeta("s-1", "",
            entry("fleetsync", "Apply", "v1", MF_META + ",\"f:data\":{\"f:password\":{},\"f:token\":{}},\"f:type\":{}"))
            + ",\"type\":\"Opaque\",\"data\":{\"password\":\"c2VjcmV0LTE=\",\"token\":\"dG9rZW4tYWJj\"}}";

    static final String DEPLOYMENT_DESIRED = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web-1","namespace":"c1-a","labels":{%s}},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web-1"}},
              "template":{"metadata":{"labels":{"app":"web-1"}},
               "spec":{"containers":[{"name":"app","image":"registry.local/web:1.0.0",
                 "ports":[{"containerPort":8080,"name":"http"}],
                 "env":[{"name":"MODE","value":"fast"},{"name":"LEVEL","value":"3"}],
                 "resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"memory":"128Mi"}}}]}}}}
            """.formatted(LABEL);
    static final String DEPLOYMENT_LIVE = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\"," + liveMeta("web-1",
            "\"generation\":1,\"annotations\":{\"deployment.kubernetes.io/revision\":\"1\"},",
            entry("fleetsync", "Apply", "apps/v1", MF_META + ",\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},"
                    + "\"f:template\":{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\"f:containers\":{"
                    + "\"k:{\\\"name\\\":\\\"app\\\"}\":{\".\":{},\"f:env\":{\"k:{\\\"name\\\":\\\"MODE\\\"}\":{\".\":{},"
                    + "\"f:name\":{},\"f:value\":{}},\"k:{\\\"name\\\":\\\"LEVEL\\\"}\":{\".\":{},\"f:name\":{},"
                    + "\"f:value\":{}}},\"f:image\":{},\"f:name\":{},\"f:ports\":{\"k:{\\\"containerPort\\\":8080,"
                    + "\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:containerPort\":{},\"f:name\":{}}},"
                    + "\"f:resources\":{\"f:limits\":{\"f:memory\":{}},\"f:requests\":{\"f:cpu\":{},"
                    + "\"f:memory\":{}}}}}}}}")
                    + "," + entry("kube-controller-manager", "Update", "apps/v1",
                    "\"f:metadata\":{\"f:annotations\":{\".\":{},\"f:deployment.kubernetes.io/revision\":{}}}"))
            + ",\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web-1\"}},\"progressDeadlineSeconds\":600,"
            + "\"revisionHistoryLimit\":10,\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":\"25%\","
            + "\"maxUnavailable\":\"25%\"}},\"template\":{\"metadata\":{\"creationTimestamp\":null,\"labels\":{\"app\":"
            + "\"web-1\"}},\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"registry.local/web:1.0.0\","
            + "\"ports\":[{\"containerPort\":8080,\"name\":\"http\",\"protocol\":\"TCP\"}],\"env\":[{\"name\":\"MODE\","
            + "\"value\":\"fast\"},{\"name\":\"LEVEL\",\"value\":\"3\"}],\"resources\":{\"requests\":{\"cpu\":\"100m\","
            + "\"memory\":\"64Mi\"},\"limits\":{\"memory\":\"128Mi\"}},\"terminationMessagePath\":\"/dev/termination-log\","
            + "\"terminationMessagePolicy\":\"File\",\"imagePullPolicy\":\"IfNotPresent\"}],\"restartPolicy\":\"Always\","
            + "\"terminationGracePeriodSeconds\":30,\"dnsPolicy\":\"ClusterFirst\",\"securityContext\":{},"
            + "\"schedulerName\":\"default-scheduler\"}}},\"status\":{\"observedGeneration\":1,\"replicas\":2}}";

    static final String SERVICE_DESIRED = """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"svc-1","namespace":"c1-a","labels":{%s}},
             "spec":{"clusterIP":"None","selector":{"app":"web-1"},"ports":[{"name":"http","port":80,"targetPort":8080}]}}
            """.formatted(LABEL);
    static final String SERVICE_LIVE = "{\"apiVersion\":\"v1\",\"kind\":\"Service\"," + liveMeta("svc-1", "",
            entry("fleetsync", "Apply", "v1", MF_META + ",\"f:spec\":{\"f:clusterIP\":{},\"f:ports\":{"
                    + "\"k:{\\\"port\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:name\":{},\"f:port\":{},"
                    + "\"f:targetPort\":{}}},\"f:selector\":{}}"))
            + ",\"spec\":{\"clusterIP\":\"None\",\"clusterIPs\":[\"None\"],\"selector\":{\"app\":\"web-1\"},"
            + "\"ports\":[{\"name\":\"http\",\"port\":80,\"protocol\":\"TCP\",\"targetPort\":8080}],\"type\":\"ClusterIP\","
            + "\"sessionAffinity\":\"None\",\"ipFamilies\":[\"IPv4\"],\"ipFamilyPolicy\":\"SingleStack\","
            + "\"internalTrafficPolicy\":\"Cluster\"},\"status\":{\"loadBalancer\":{}}}";

    static final String WIDGET_DESIRED = """
            {"apiVersion":"c1.bench.fleetsync.io/v1","kind":"Widget","metadata":{"name":"w-1","namespace":"c1-a",
             "labels":{%s}},"spec":{"size":3,"colour":"blue","tags":["a","b"]}}
            """.formatted(LABEL);
    static final String WIDGET_LIVE = "{\"apiVersion\":\"c1.bench.fleetsync.io/v1\",\"kind\":\"Widget\","
            + liveMeta("w-1", "\"generation\":1,", entry("fleetsync", "Apply", "c1.bench.fleetsync.io/v1",
                    MF_META + ",\"f:spec\":{\"f:size\":{},\"f:colour\":{},\"f:tags\":{}}"))
            + ",\"spec\":{\"size\":3,\"colour\":\"blue\",\"tags\":[\"a\",\"b\"]}}";
}
