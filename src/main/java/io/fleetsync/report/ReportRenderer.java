package io.fleetsync.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes a run report in one output format. */
public interface ReportRenderer {

    /** Writes the whole report; flushes but never closes {@code out}. */
    void render(RunReport report, Writer out) throws IOException;

    /** Writes to a stream (normally stdout) in the stream's charset; flushes but never closes it. */
    default void render(RunReport report, PrintStream out) {
        var writer = new OutputStreamWriter(out, out.charset());
        try {
            render(report, writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report", e);
        }
    }
}
