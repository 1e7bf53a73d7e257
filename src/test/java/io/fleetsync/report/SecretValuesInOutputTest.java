package io.fleetsync.report;

import static io.fleetsync.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretValuesInOutputTest {

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void noFormatEverShowsASecretValueEvenWithDiffsAndColours(OutputFormat format) {
        var options = new RenderOptions(true, true, RenderOptions.DEFAULT_MAX_CHANGES);

        for (var report : new RunReport[] {SampleReports.plan(), SampleReports.result()}) {
            var output = render(ReportRenderers.forFormat(format, options), report);

            assertThat(output).contains("Secret/demo/creds").contains("<masked, changed>")
                    .doesNotContain(SampleReports.SENTINEL).doesNotContain(SampleReports.SENTINEL_B64)
                    .doesNotContainIgnoringCase("sentinel");
        }
    }
}
