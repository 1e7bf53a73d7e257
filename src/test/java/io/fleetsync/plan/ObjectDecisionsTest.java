package io.fleetsync.plan;

import io.fleetsync.report.ReasonText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApiFailure;
import io.fleetsync.cluster.ApiResource;
import io.fleetsync.cluster.ApplyMode;
import io.fleetsync.cluster.UnexpectedRequests;
import io.fleetsync.cluster.WriteMode;
import io.fleetsync.diff.ManagedFields;
import io.fleetsync.manifest.DesiredObject;
import io.fleetsync.manifest.SourceLocation;
import io.fleetsync.resource.ObjectView;
import io.fleetsync.resource.ResourceKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-object decision from YAML fixtures in {@code decisions/}, one per action and per server quirk, with no API
 * server: {@code desired} is the manifest, {@code live} the stored object with its managedFields (absent: it does
 * not exist), {@code dryRun} / {@code refusal} what the server answered to the dry-run apply, {@code forcedDryRun}
 * its answer to the forced retry, {@code namespaceDeleting} a deletion timestamp of the object's namespace. A fake
 * store answers from the fixture and records the requests, so {@code expect.requests} proves which were needed.
 */
class ObjectDecisionsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String SET = "applyset-own";

    record Fixture(String name, Map<String, Object> doc) {
        @Override
        public String toString() {
            return name;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String key) {
            return (Map<String, Object>) doc.get(key);
        }

        Map<String, Object> expect() {
            return map("expect");
        }
    }

    static Stream<Fixture> fixtures() throws Exception {
        var dir = Path.of(ObjectDecisionsTest.class.getResource("/decisions").toURI());
        try (var files = Files.list(dir)) {
            return files.sorted().map(ObjectDecisionsTest::read).toList().stream();
        }
    }

    @SuppressWarnings("unchecked")
    private static Fixture read(Path file) {
        try {
            return new Fixture(file.getFileName().toString(), YAML.readValue(file.toFile(), Map.class));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read fixture " + file, e);
        }
    }

    /** Answers like the API server in the fixture did, and records what was asked. */
    static final class FixtureStore extends UnexpectedRequests {
        private final Fixture f;
        final List<String> requests = new ArrayList<>();

        FixtureStore(Fixture f) {
            this.f = f;
        }

        @Override
        public Map<String, Object> apply(String objectPath, Map<String, Object> body, ApplyMode mode) {
            assertThat(mode.write()).as("the planner only dry-runs").isEqualTo(WriteMode.DRY_RUN);
            if (mode.force()) {
                requests.add("forcedDryRun");
                assertThat(body).as("the forced retry's body").isNotNull();
                return f.map("forcedDryRun");
            }
            requests.add("dryRun");
            var refusal = f.map("refusal");
            if (refusal != null) {
                throw refusal(refusal);
            }
            return f.map("dryRun");
        }

        @Override
        public Map<String, Object> get(String path) {
            if (path.startsWith("/api/v1/namespaces/") && path.indexOf('/', "/api/v1/namespaces/".length()) < 0) {
                requests.add("getNamespace");
                var deleting = f.doc().get("namespaceDeleting");
                return deleting == null ? Map.of("metadata", Map.of("name", "x"))
                        : Map.of("metadata", Map.of("name", "x", "deletionTimestamp", String.valueOf(deleting)));
            }
            requests.add("get");
            return f.map("liveInDesiredVersion");
        }
    }

    @SuppressWarnings("unchecked")
    private static ApiException refusal(Map<String, Object> r) {
        var causes = ((List<Map<String, Object>>) r.getOrDefault("causes", List.of())).stream()
                .map(c -> new ApiException.Cause((String) c.get("reason"), (String) c.get("field"),
                        (String) c.get("message"))).toList();
        return new ApiException((Integer) r.get("code"), (String) r.get("reason"), (String) r.get("message"),
                causes, null);
    }

    @SuppressWarnings("unchecked")
    private static List<PlannedObject> plan(Fixture f, FixtureStore store) {
        var desired = f.map("desired");
        var view = ObjectView.of(desired);
        var apiVersion = view.apiVersion();
        var group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        var version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        var namespaced = !view.namespace().isEmpty();
        var resource = new ApiResource(group, version, view.kind(), view.kind().toLowerCase() + "s", namespaced);
        var key = new ResourceKey(group, view.kind(), view.namespace(), view.name());
        var d = new DesiredObject(key, "app", apiVersion, desired, new SourceLocation(Path.of(f.name()), 1));
        var options = (Map<String, Object>) f.doc().getOrDefault("options", Map.of());
        var planOptions = new PlanOptions(Boolean.TRUE.equals(options.get("adopt")),
                Boolean.TRUE.equals(options.get("forceConflicts")), false, null, false);
        var body = ClusterPlanner.withMemberLabel(desired, SET);
        var live = f.map("live");
        var setTargets = (Map<String, String>) f.doc().getOrDefault("otherTargets", Map.of());
        var ownership = live == null ? new Ownership.Ours() : Ownership.of(live, SET, setTargets);
        var planner = new ObjectPlanner(store, new ManagedFields(), planOptions, (k, a, b) -> null);
        var planned = planner.plan(new ObjectFacts(d, resource, body, live, ownership));
        return new TerminatingObjects().mark(List.of(planned), store);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @SuppressWarnings("unchecked")
    void decidesTheActionAndChangedPathsFromValues(Fixture f) {
        var expect = f.expect();
        var store = new FixtureStore(f);
        if (expect.containsKey("fails")) {
            assertThatThrownBy(() -> plan(f, store)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.kind()).isEqualTo(ApiFailure.valueOf((String) expect.get("fails"))));
            assertThat(store.requests).as("requests").isEqualTo(expect.get("requests"));
            return;
        }

        var p = plan(f, store).get(0);

        var change = p.change();
        assertThat(change.action().name()).as("action").isEqualTo(expect.get("action"));
        assertThat(change.changedPaths()).as("changed paths")
                .containsExactlyInAnyOrderElementsOf((List<String>) expect.getOrDefault("changedPaths", List.of()));
        assertThat(change.conflicts()).as("reported conflicts").hasSize((Integer) expect.getOrDefault("conflicts", 0));
        assertThat(p.force()).as("force").isEqualTo(Boolean.TRUE.equals(expect.get("force")));
        assertThat(store.requests).as("requests").isEqualTo(expect.get("requests"));
        if (expect.containsKey("note")) {
            assertThat(ReasonText.note(change.note())).as("note").contains((String) expect.get("note"));
        } else {
            assertThat(change.note()).as("note").isNull();
        }
        assertThat(change.heldBack() == null ? null : change.heldBack().reason().name()).as("held back")
                .isEqualTo(expect.get("heldBack"));
        if (Boolean.TRUE.equals(expect.get("pinned"))) {
            assertThat(ObjectView.of(p.applyBody()).resourceVersion()).as("forced body pinned to the live version")
                    .isEqualTo(ObjectView.of(f.map("live")).resourceVersion());
        }
    }
}
