package io.fleetsync.cli;

import io.fleetsync.report.OutputFormat;
import io.fleetsync.report.RenderOptions;
import io.fleetsync.units.HumanDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by plan and apply. */
public class RunMixin {
    @Mixin
    InputOptions input;

    @Option(names = "--concurrency", defaultValue = "16", paramLabel = "N",
            description = "Clusters in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--cluster-requests", defaultValue = "8", paramLabel = "N",
            description = "Requests in flight per cluster (default: ${DEFAULT-VALUE}).")
    int clusterRequests;

    // 15m, not 5m: a cluster that answers but slowly is bounded here, a stuck one by the request timeout and the
    // breaker much sooner. A 20,000-object apply on a saturated API server (~50 writes/s, kubectl's rate too) needs
    // ~400 s and failed with "did not finish within 5m" (docs/benchmarks.md, "Objects per cluster").
    @Option(names = "--cluster-timeout", defaultValue = "15m", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Deadline for one cluster's whole pipeline, e.g. 90s, 5m (default: ${DEFAULT-VALUE}).")
    Duration clusterTimeout;

    @Option(names = "--request-timeout", defaultValue = "30s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Deadline for one API request (default: ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(names = "--retries", defaultValue = "4", paramLabel = "N",
            description = "Retries of a request that failed transiently: connection errors, 429, 5xx (default: "
                    + "${DEFAULT-VALUE}).")
    int retries;

    // 200/400, not client-go's controller-style 50/100: at 50 qps a 20,000-object target needs 400 s of writes and
    // cannot finish within 5m (docs/benchmarks.md, "Objects per cluster"); the
    // in-flight limit (--cluster-requests) already bounds the load on the server.
    @Option(names = "--cluster-qps", defaultValue = "200", paramLabel = "QPS",
            description = "Requests per second per cluster; 0 for no cap (default: ${DEFAULT-VALUE}).")
    double clusterQps;

    @Option(names = "--cluster-burst", defaultValue = "400", paramLabel = "N",
            description = "Requests a cluster may get at once before --cluster-qps applies (default: ${DEFAULT-VALUE}).")
    int clusterBurst;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            converter = FormatConverter.class, description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = "--diff", description = "Show a unified YAML diff for each change (Secret values masked).")
    boolean diff;

    @Option(names = "--max-bytes", defaultValue = "" + RenderOptions.DEFAULT_MAX_BYTES, paramLabel = "N",
            description = "Most bytes of -o markdown output; diffs, then change lists give way, and the last line says "
                    + "what was cut. 0 for no limit (default: ${DEFAULT-VALUE}, fits one GitHub comment).")
    long maxBytes;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or stdout is not a terminal).")
    boolean noColor;

    @Option(names = "--adopt", description = "Take over existing objects fleetsync does not own yet.")
    boolean adopt;

    @Option(names = "--force-conflicts", description = "Take fields that other appliers own.")
    boolean forceConflicts;

    @Option(names = "--allow-empty", description = "Prune even when a target renders no objects.")
    boolean allowEmpty;

    @Option(names = "--prune-orphans",
            description = "Delete the objects of this fleet's ApplySets whose target is no longer in the fleet file "
                    + "(reported as orphans), then their parents.")
    boolean pruneOrphans;

    @Option(names = "--max-deletions", paramLabel = "N",
            description = "Hold back a cluster's deletes when it has more than N.")
    Integer maxDeletions;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Debug logs on stderr: every request (method, path, status, time) and failure causes. "
                    + "Never tokens, keys or Secret values.")
    boolean verbose;

    /** Parses durations such as 30s, 5m, 1h30m. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return HumanDuration.parse(value);
        }
    }

    /** Parses text, json, markdown. */
    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }
}
