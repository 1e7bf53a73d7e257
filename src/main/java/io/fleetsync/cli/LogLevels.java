package io.fleetsync.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code --verbose}: fleetsync's and Fabric8's loggers at debug level for one command, and back as they were when
 * it ends. Logger levels are process-wide; restoring them keeps one command's {@code -v} from leaking into the next
 * command run in the same JVM (the tests run many).
 */
final class LogLevels implements AutoCloseable {
    private static final List<String> VERBOSE_CATEGORIES = List.of("io.fleetsync", "io.fabric8.kubernetes.client");

    private record Saved(Logger logger, Level level) {
    }

    // The loggers are held, not looked up again: java.util.logging keeps only weak references to them.
    private final List<Saved> saved;

    private LogLevels(List<Saved> saved) {
        this.saved = saved;
    }

    /** Debug level for the command when {@code verbose}; otherwise changes nothing. */
    static LogLevels forCommand(boolean verbose) {
        var saved = new ArrayList<Saved>();
        if (verbose) {
            for (var category : VERBOSE_CATEGORIES) {
                var logger = Logger.getLogger(category);
                saved.add(new Saved(logger, logger.getLevel()));
                logger.setLevel(Level.FINE);
            }
        }
        return new LogLevels(saved);
    }

    @Override
    public void close() {
        saved.forEach(s -> s.logger().setLevel(s.level()));
    }
}
