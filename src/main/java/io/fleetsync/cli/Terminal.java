package io.fleetsync.cli;

/** Whether stdout is a terminal (colours only there). */
final class Terminal {
    private Terminal() {
    }

    static boolean isInteractive() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        // Since JDK 22 System.console() also exists when redirected; isTerminal() tells the truth there.
        try {
            return (boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }
}
