package io.fleetsync.report;

import io.fleetsync.diff.ChangeNote;
import io.fleetsync.plan.PlanWarning;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.YamlDiff;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.plan.OrphanedSet;
import io.fleetsync.resource.Departure;
import io.fleetsync.resource.ResourceKey;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built reports: prod-eu ok with every kind of change, prod-us failed while listing, staging partial. */
final class SampleReports {

    static final String SENTINEL = "s3cr3t-SENTINEL";
    static final String SENTINEL_B64 = Base64.getEncoder().encodeToString(SENTINEL.getBytes(StandardCharsets.UTF_8));
    static final Instant STARTED = Instant.parse("2026-11-27T00:30:00Z");

    static final Change CREATE_WEB = change("apps", "Deployment", "web", Action.CREATE, List.of(), List.of(), null);
    static final Change UPDATE_CFG = change("", "ConfigMap", "cfg", Action.UPDATE,
            List.of("spec.template.spec.containers[name=app].image", "data.key"),
            List.of("kubectl-edit: data.key"), null);
    static final Change REPLACE_API = change("apps", "Deployment", "api", Action.REPLACE, List.of("spec.selector"),
            List.of(), null);
    static final Change ADOPT_LEGACY = change("", "ConfigMap", "legacy", Action.ADOPT_NEEDED, List.of(), List.of(),
            "owned by target other-app");
    static final Change DELETE_OLD = change("", "Service", "old", Action.DELETE, List.of(), List.of(), null);
    static final Change UNCHANGED_NS = new Change(new ResourceKey("", "Namespace", "", "demo"), "app",
            Action.UNCHANGED, List.of(), List.of(), null, null);
    static final Change UPDATE_SECRET = secretChange();

    static final Change STAGING_CREATE = change("apps", "Deployment", "web", Action.CREATE, List.of(), List.of(), null);
    static final Change STAGING_UPDATE = change("", "ConfigMap", "cfg", Action.UPDATE, List.of("data.key"),
            List.of(), null);

    private SampleReports() {
    }

    static RunReport plan() {
        return new RunReport(RunReport.Kind.PLAN, false, STARTED, Duration.ofMillis(3_200),
                List.of(prodEu(List.of()), prodUs(), staging(List.of(), null)));
    }

    static RunReport result() {
        var euOutcomes = prodEuChanges().stream().filter(c -> c.action().isChange()).map(ObjectOutcome::done).toList();
        var stagingOutcomes = List.of(ObjectOutcome.done(STAGING_CREATE),
                ObjectOutcome.failed(STAGING_UPDATE, "admission webhook \"policy\" denied the request"));
        return new RunReport(RunReport.Kind.RESULT, true, STARTED, Duration.ofMillis(5_000),
                List.of(prodEu(euOutcomes), prodUs(), staging(stagingOutcomes, "1 object failed")));
    }

    /** A plan of one cluster with a departed target's delete, an orphan's delete, an ordinary prune, two orphans. */
    static RunReport departures() {
        var left = new Change(new ResourceKey("", "ConfigMap", "demo", "left"), "web", Action.DELETE, List.of(),
                List.of(), null, null, Departure.NO_LONGER_SELECTED, null);
        var orphan = new Change(new ResourceKey("", "ConfigMap", "demo", "orphan"), "old", Action.DELETE, List.of(),
                List.of(), null, null, Departure.REMOVED_FROM_FLEET, null);
        var pruned = Change.of(new ResourceKey("", "ConfigMap", "demo", "pruned"), "app", Action.DELETE);
        var plan = new ClusterPlan("prod-eu", List.of(left, orphan, pruned), List.of(), List.of(
                new OrphanedSet("old", "kube-system/fleetsync-applyset-old", OrphanedSet.Handling.PRUNED),
                new OrphanedSet("older", "kube-system/fleetsync-applyset-older", OrphanedSet.Handling.KEPT)));
        var report = new ClusterReport("prod-eu", ClusterReport.Status.OK, plan, List.of(), null, null,
                Duration.ofMillis(10));
        return new RunReport(RunReport.Kind.PLAN, false, STARTED, Duration.ofMillis(10), List.of(report));
    }

    /** A plan whose one cluster has {@code n} creates. */
    static RunReport planWithCreates(String cluster, int n) {
        var changes = new ArrayList<Change>();
        for (int i = 0; i < n; i++) {
            changes.add(change("", "ConfigMap", "cm-" + i, Action.CREATE, List.of(), List.of(), null));
        }
        var report = new ClusterReport(cluster, ClusterReport.Status.OK, new ClusterPlan(cluster, changes, List.of()),
                List.of(), null, null, Duration.ofMillis(10));
        return new RunReport(RunReport.Kind.PLAN, false, STARTED, Duration.ofMillis(10), List.of(report));
    }

    static List<Change> prodEuChanges() {
        return List.of(CREATE_WEB, UPDATE_CFG, UPDATE_SECRET, REPLACE_API, ADOPT_LEGACY, UNCHANGED_NS, DELETE_OLD);
    }

    static ClusterReport prodEu(List<ObjectOutcome> outcomes) {
        var plan = new ClusterPlan("prod-eu", prodEuChanges(), List.of(new PlanWarning.EmptyTarget("app")));
        return new ClusterReport("prod-eu", ClusterReport.Status.OK, plan, outcomes, null, null,
                Duration.ofMillis(1_400));
    }

    static ClusterReport prodUs() {
        return new ClusterReport("prod-us", ClusterReport.Status.FAILED, null, List.of(),
                "connection refused (https://10.0.0.1:6443)", io.fleetsync.plan.ClusterPhase.LIST, Duration.ofMillis(250));
    }

    static ClusterReport staging(List<ObjectOutcome> outcomes, String error) {
        var plan = new ClusterPlan("staging", List.of(STAGING_CREATE, STAGING_UPDATE), List.of());
        return new ClusterReport("staging", ClusterReport.Status.PARTIAL, plan, outcomes, error,
                error == null ? null : io.fleetsync.plan.ClusterPhase.APPLY, Duration.ofSeconds(75));
    }

    static Change change(String group, String kind, String name, Action action, List<String> paths,
                         List<String> conflicts, String note) {
        return new Change(new ResourceKey(group, kind, "demo", name), "app", action, paths, conflicts,
                "--- " + kind + "/demo/" + name + " (live)\n+++ " + kind + "/demo/" + name + " (desired)\n"
                        + "@@ -1,1 +1,1 @@\n-  image: nginx:1.25\n+  image: nginx:1.27\n",
                ChangeNote.text(note));
    }

    private static Change secretChange() {
        var key = new ResourceKey("", "Secret", "demo", "creds");
        var diff = new YamlDiff().diff(key, secret(SENTINEL_B64), secret(
                Base64.getEncoder().encodeToString(("new-" + SENTINEL).getBytes(StandardCharsets.UTF_8))));
        return new Change(key, "app", Action.UPDATE, List.of("data.password"), List.of(), diff, null);
    }

    private static Map<String, Object> secret(String password) {
        var secret = new LinkedHashMap<String, Object>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", Map.of("name", "creds", "namespace", "demo"));
        secret.put("data", Map.of("password", password));
        return secret;
    }

    static String render(ReportRenderer renderer, RunReport report) {
        var out = new StringWriter();
        try {
            renderer.render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String stripAnsi(String s) {
        return s.replaceAll("\u001B\\[[0-9;]*m", "");
    }
}
