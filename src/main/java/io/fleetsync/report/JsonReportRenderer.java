package io.fleetsync.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fleetsync.report.json.ReportDocuments;
import java.io.IOException;
import java.io.Writer;

/** The versioned JSON document ({@code fleetsync.io/v1alpha1}) for scripts and CI; see docs/json-schema.md. */
public final class JsonReportRenderer implements ReportRenderer {

    private final RenderOptions options;
    private final ObjectMapper mapper;

    public JsonReportRenderer(RenderOptions options) {
        this.options = options;
        // The caller owns stdout: Jackson must not close it after the document.
        this.mapper = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .build();
    }

    @Override
    public void render(RunReport report, Writer out) throws IOException {
        mapper.writeValue(out, ReportDocuments.of(report, options.diffs()));
        out.write("\n");
        out.flush();
    }
}
