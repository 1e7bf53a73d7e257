package io.fleetsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** {@code -v} changes the process-wide logger levels for one command only. */
class LogLevelsTest {
    private static final Logger FLEETSYNC = Logger.getLogger("io.fleetsync");
    private static final Logger FABRIC8 = Logger.getLogger("io.fabric8.kubernetes.client");

    @Test
    void verboseIsDebugDuringTheCommandAndAsBeforeAfterIt() {
        var before = FLEETSYNC.getLevel();
        FABRIC8.setLevel(Level.WARNING);
        try {
            try (var levels = LogLevels.forCommand(true)) {
                // Positive control: the command does see debug levels.
                assertThat(FLEETSYNC.getLevel()).isEqualTo(Level.FINE);
                assertThat(FABRIC8.getLevel()).isEqualTo(Level.FINE);
            }
            assertThat(FLEETSYNC.getLevel()).isEqualTo(before);
            assertThat(FABRIC8.getLevel()).isEqualTo(Level.WARNING);
        } finally {
            FABRIC8.setLevel(null);
        }
    }

    @Test
    void withoutVerboseNothingChanges() {
        FLEETSYNC.setLevel(Level.INFO);
        try {
            try (var levels = LogLevels.forCommand(false)) {
                assertThat(FLEETSYNC.getLevel()).isEqualTo(Level.INFO);
            }
            assertThat(FLEETSYNC.getLevel()).isEqualTo(Level.INFO);
        } finally {
            FLEETSYNC.setLevel(null);
        }
    }
}
