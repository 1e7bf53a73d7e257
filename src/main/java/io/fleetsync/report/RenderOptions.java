package io.fleetsync.report;

/**
 * How a report is rendered; the CLI builds one from its flags.
 *
 * @param colors ANSI colours in text output; the CLI sets it only for a terminal without {@code --no-color} or
 *     {@code NO_COLOR}; formats other than text ignore it
 * @param diffs show each change's diff ({@code --diff}); without it no diff text is written in any format
 * @param maxChangesPerCluster how many changes a Markdown cluster section lists before "… and N more"
 */
public record RenderOptions(boolean colors, boolean diffs, int maxChangesPerCluster) {

    public static final int DEFAULT_MAX_CHANGES = 50;

    public static final RenderOptions PLAIN = new RenderOptions(false, false, DEFAULT_MAX_CHANGES);

    public RenderOptions {
        if (maxChangesPerCluster < 1) {
            throw new IllegalArgumentException("maxChangesPerCluster must be >= 1, was " + maxChangesPerCluster);
        }
    }

    public RenderOptions withColors(boolean colors) {
        return new RenderOptions(colors, diffs, maxChangesPerCluster);
    }

    public RenderOptions withDiffs(boolean diffs) {
        return new RenderOptions(colors, diffs, maxChangesPerCluster);
    }
}
