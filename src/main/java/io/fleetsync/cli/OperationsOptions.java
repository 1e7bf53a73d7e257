package io.fleetsync.cli;

import io.fleetsync.ops.MetricsFile;
import io.fleetsync.ops.Pushgateway;
import io.fleetsync.ops.RunMetrics;
import io.fleetsync.ops.Shard;
import io.fleetsync.report.LoggedProgress;
import io.fleetsync.report.ProgressListener;
import io.fleetsync.report.RunReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options for running fleetsync as a scheduled job: sharding and metrics. */
public class OperationsOptions {
    // Through logging, not bare stderr lines, so they are JSON lines in a container like everything else.
    private static final Logger LOG = Logger.getLogger("io.fleetsync.ops");

    @Option(names = "--shard", paramLabel = "INDEX/COUNT", converter = ShardConverter.class,
            description = "Only the clusters of this shard, e.g. 0/3 (0-based; rendezvous hashing of cluster names). "
                    + "Default: JOB_COMPLETION_INDEX/FLEETSYNC_SHARDS in an Indexed Job, else all clusters.")
    Shard shard;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "Write run and per-cluster metrics in Prometheus text format to FILE (atomically).")
    Path metricsFile;

    @Option(names = "--metrics-push-url", paramLabel = "URL", converter = UriConverter.class,
            description = "Push run and per-cluster metrics to this Prometheus Pushgateway, e.g. "
                    + "http://pushgateway:9091.")
    URI metricsPushUrl;

    /**
     * The shard to run: the option, else the Indexed Job's environment, else none (the whole fleet).
     *
     * @throws IllegalArgumentException when the environment names an invalid shard
     */
    Optional<Shard> shard(Map<String, String> env) {
        return shard != null ? Optional.of(shard) : Shard.fromEnvironment(env);
    }

    /** Progress as log records when logs are JSON lines, else the terminal progress. */
    ProgressListener progress(ProgressListener terminal) {
        var json = ConfigProvider.getConfig().getOptionalValue("quarkus.log.console.json.enabled", Boolean.class);
        return json.orElse(false) ? new LoggedProgress() : terminal;
    }

    /** Writes and pushes the run's metrics, when asked; a failure is a warning, never the run's outcome. */
    void publish(RunReport report, Optional<Shard> chosen) {
        if (metricsFile == null && metricsPushUrl == null) {
            return;
        }
        var metrics = RunMetrics.of(report, chosen, Instant.now());
        if (metricsFile != null) {
            try {
                MetricsFile.write(metricsFile, metrics);
            } catch (IOException e) {
                LOG.warnf("could not write metrics to %s: %s", metricsFile, e.getMessage());
            }
        }
        if (metricsPushUrl != null) {
            for (var problem : new Pushgateway(metricsPushUrl, Duration.ofSeconds(10)).push(metrics)) {
                LOG.warnf("metrics push failed: %s", problem);
            }
        }
    }

    /** Parses INDEX/COUNT. */
    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Accepts only absolute http(s) URLs. */
    static final class UriConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("not a URL: " + value);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new TypeConversionException("not an http(s) URL: " + value);
            }
            return uri;
        }
    }
}
