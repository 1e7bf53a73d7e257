package io.fleetsync.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A renderer that hangs is killed, with its process tree, and reported with what it had said on stderr. */
class ProcessRunnerTest {
    @TempDir
    Path dir;

    @Test
    void aHungRendererIsKilledWithItsChildrenAndReportedAsTimedOut() throws IOException, InterruptedException {
        var pidFile = dir.resolve("child.pid");
        var script = dir.resolve("hang.sh");
        // A child that would outlive its parent if only the parent were killed.
        Files.writeString(script, "#!/bin/sh\necho 'rendering chart...' >&2\nsleep 300 &\necho $! > " + pidFile
                + "\nwait\n");
        script.toFile().setExecutable(true);
        var runner = new ProcessRunner(Map.of("PATH", System.getenv("PATH")), Duration.ofSeconds(1));

        var result = runner.run(new RenderRequest(RenderRequest.Kind.EXEC, List.of(script.toString()), dir, Map.of(),
                "exec:./hang.sh"));

        assertThat(result).isInstanceOfSatisfying(RenderResult.Failure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(RenderResult.Reason.TIMED_OUT);
            assertThat(failure.detail()).startsWith("still running after 1s; killed").contains("rendering chart...");
        });
        var child = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
        // The child existed (its pid was written); a forced kill is asynchronous, so give it a moment to go.
        child.ifPresent(c -> c.onExit().completeOnTimeout(c, 10, java.util.concurrent.TimeUnit.SECONDS).join());
        assertThat(child.map(ProcessHandle::isAlive).orElse(false)).as("the renderer's child is killed").isFalse();
    }

    @Test
    void aRendererThatFinishesInTimeGivesItsStdoutOnly() throws IOException {
        var script = dir.resolve("ok.sh");
        Files.writeString(script, "#!/bin/sh\necho 'progress' >&2\necho 'kind: ConfigMap'\n");
        script.toFile().setExecutable(true);
        var runner = new ProcessRunner(Map.of("PATH", System.getenv("PATH")), Duration.ofSeconds(30));

        var result = runner.run(new RenderRequest(RenderRequest.Kind.EXEC, List.of(script.toString()), dir, Map.of(),
                "exec:./ok.sh"));

        assertThat(result).isEqualTo(new RenderResult.Output("kind: ConfigMap\n"));
    }
}
