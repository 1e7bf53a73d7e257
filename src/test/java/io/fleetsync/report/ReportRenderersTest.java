package io.fleetsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportRenderersTest {

    @Test
    void eachFormatGetsItsRenderer() {
        assertThat(ReportRenderers.forFormat(OutputFormat.TEXT, RenderOptions.PLAIN)).isInstanceOf(TextReportRenderer.class);
        assertThat(ReportRenderers.forFormat(OutputFormat.JSON, RenderOptions.PLAIN)).isInstanceOf(JsonReportRenderer.class);
        assertThat(ReportRenderers.forFormat(OutputFormat.MARKDOWN, RenderOptions.PLAIN))
                .isInstanceOf(MarkdownReportRenderer.class);
    }

    @Test
    void formatNamesParseIgnoringCaseAndUnknownOnesListTheChoices() {
        assertThat(OutputFormat.parse("JSON")).isEqualTo(OutputFormat.JSON);
        assertThat(OutputFormat.parse(" markdown ")).isEqualTo(OutputFormat.MARKDOWN);
        assertThatThrownBy(() -> OutputFormat.parse("yaml"))
                .hasMessage("unknown output format 'yaml', expected one of: text, json, markdown");
    }

    @Test
    void optionsRejectANonPositiveCap() {
        assertThatThrownBy(() -> new RenderOptions(false, false, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
