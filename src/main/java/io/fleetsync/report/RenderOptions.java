package io.fleetsync.report;

/**
 * How a report is rendered; the CLI builds one from its flags.
 *
 * @param colors ANSI colours in text output; the CLI sets it only for a terminal without {@code --no-color} or
 *     {@code NO_COLOR}; formats other than text ignore it
 * @param diffs show each change's diff ({@code --diff}); without it no diff text is written in any format
 * @param maxChangesPerCluster how many changes a Markdown cluster section lists before "… and N more"
 * @param maxBytes the most UTF-8 bytes a Markdown report may take ({@code --max-bytes}); 0 for no limit; text and
 *     JSON ignore it
 */
public record RenderOptions(boolean colors, boolean diffs, int maxChangesPerCluster, long maxBytes) {

    public static final int DEFAULT_MAX_CHANGES = 50;

    /**
     * One GitHub pull-request comment holds 65,536 characters. A UTF-8 byte is never less than a character, so a
     * byte budget holds for characters too; 60,000 leaves room for the heading a CI step puts above the plan.
     */
    public static final long DEFAULT_MAX_BYTES = 60_000;

    /** Below this a Markdown report could not hold its heading, a few table rows and the line saying what was cut. */
    public static final long MIN_MAX_BYTES = 4_096;

    public static final RenderOptions PLAIN = new RenderOptions(false, false, DEFAULT_MAX_CHANGES, DEFAULT_MAX_BYTES);

    public RenderOptions {
        if (maxChangesPerCluster < 1) {
            throw new IllegalArgumentException("maxChangesPerCluster must be >= 1, was " + maxChangesPerCluster);
        }
        if (maxBytes != 0 && maxBytes < MIN_MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes must be 0 or >= " + MIN_MAX_BYTES + ", was " + maxBytes);
        }
    }

    public RenderOptions(boolean colors, boolean diffs, int maxChangesPerCluster) {
        this(colors, diffs, maxChangesPerCluster, DEFAULT_MAX_BYTES);
    }

    public RenderOptions withColors(boolean colors) {
        return new RenderOptions(colors, diffs, maxChangesPerCluster, maxBytes);
    }

    public RenderOptions withDiffs(boolean diffs) {
        return new RenderOptions(colors, diffs, maxChangesPerCluster, maxBytes);
    }

    public RenderOptions withMaxBytes(long maxBytes) {
        return new RenderOptions(colors, diffs, maxChangesPerCluster, maxBytes);
    }

    /** Whether Markdown output has a budget at all. */
    public boolean limited() {
        return maxBytes > 0;
    }
}
