package io.fleetsync.report;

import static io.fleetsync.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole reports byte for byte, so the title, table columns and totals that text and Markdown share cannot drift
 * when their common model changes. The golden files were written by the renderers before they shared one; to
 * accept an intended change, run with {@code -Dfleetsync.golden.write=true} and read the diff before committing.
 */
class RendererGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/io/fleetsync/report/golden");

    static Stream<Arguments> reports() {
        var plain = RenderOptions.PLAIN;
        var unlimited = new RenderOptions(false, true, RenderOptions.DEFAULT_MAX_CHANGES, 0);
        return Stream.of(
                Arguments.of("plan.txt", new TextReportRenderer(plain), SampleReports.plan()),
                Arguments.of("result.txt", new TextReportRenderer(plain), SampleReports.result()),
                Arguments.of("result-colour-diffs.txt", new TextReportRenderer(plain.withColors(true).withDiffs(true)),
                        SampleReports.result()),
                Arguments.of("departures.txt", new TextReportRenderer(plain), SampleReports.departures()),
                Arguments.of("plan.md", new MarkdownReportRenderer(plain), SampleReports.plan()),
                Arguments.of("result.md", new MarkdownReportRenderer(unlimited), SampleReports.result()),
                Arguments.of("merged-table.md", new MarkdownReportRenderer(plain.withMaxBytes(RenderOptions.MIN_MAX_BYTES)),
                        manyAlike()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void rendersExactlyAsBefore(String file, ReportRenderer renderer, RunReport report) throws IOException {
        var actual = render(renderer, report);
        var golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("fleetsync.golden.write")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** 120 ok clusters with the same creates and one failed one: a 4 KiB budget merges the ok rows. */
    private static RunReport manyAlike() {
        var clusters = new ArrayList<ClusterReport>();
        for (int i = 0; i < 120; i++) {
            clusters.add(SampleReports.planWithCreates("edge-" + i, 3).clusters().getFirst());
        }
        clusters.add(SampleReports.prodUs());
        return new RunReport(RunReport.Kind.PLAN, false, SampleReports.STARTED, Duration.ofSeconds(42), clusters);
    }
}
