package io.fleetsync.report;

/** Chooses the renderer for an output format. */
public final class ReportRenderers {

    private ReportRenderers() {
    }

    public static ReportRenderer forFormat(OutputFormat format, RenderOptions options) {
        return switch (format) {
            case TEXT -> new TextReportRenderer(options);
            case JSON -> new JsonReportRenderer(options);
            case MARKDOWN -> new MarkdownReportRenderer(options);
        };
    }
}
