package io.fleetsync.ops;

import java.util.List;

/** All samples of one metric name, with the HELP and TYPE lines Prometheus expects once per name. */
public record MetricFamily(String name, String help, List<Sample> samples) {
    public MetricFamily {
        samples = List.copyOf(samples);
    }
}
