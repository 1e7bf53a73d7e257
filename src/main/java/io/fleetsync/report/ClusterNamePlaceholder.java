package io.fleetsync.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a cluster's own name as {@code ${cluster.name}}, so that clusters whose changes differ only where a
 * manifest used {@code ${cluster.name}} read as the same changes.
 *
 * <p>Only whole names are replaced (not when a letter or digit touches either end), so {@code prod-1} is not
 * found inside {@code prod-10}. The rewrite is always true to read: wherever the placeholder appears, each cluster of
 * the group has its own name there, whether a template put it there or the manifest spelled it out.
 */
final class ClusterNamePlaceholder {

    static final String PLACEHOLDER = "${cluster.name}";

    private ClusterNamePlaceholder() {
    }

    static String in(String text, String cluster) {
        if (text == null || cluster.isEmpty() || !text.contains(cluster)) return text;
        var whole = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(cluster) + "(?![\\p{L}\\p{N}])");
        return whole.matcher(text).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
    }
}
