package io.fleetsync.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.input.InputProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
    private static final Path FILE = Path.of("inline.yaml");
    private final List<InputProblem> problems = new ArrayList<>();

    private List<ManifestDocument> parse(String text) {
        return new ManifestParser(new SharedValues()).parse(FILE, text, problems);
    }

    @Test
    void timestampsStayStringsAndBinaryBecomesBase64() {
        var body = parse("""
                kind: ConfigMap
                data:
                  when: 2024-01-02T03:04:05Z
                binaryData:
                  blob: !!binary aGVsbG8=
                """).get(0).body();

        assertThat(body.get("data")).isEqualTo(Map.of("when", "2024-01-02T03:04:05Z"));
        assertThat(body.get("binaryData")).isEqualTo(Map.of("blob", "aGVsbG8="));
    }

    @Test
    void nullsAreDroppedAtEveryDepth() {
        var body = parse("""
                kind: ConfigMap
                metadata: {name: a, creationTimestamp: null}
                list: [1, null, 2]
                """).get(0).body();

        assertThat(body.get("metadata")).isEqualTo(Map.of("name", "a"));
        assertThat(body.get("list")).isEqualTo(List.of(1, 2));
    }

    @Test
    void duplicateKeysAreAnErrorWithTheirLine() {
        var documents = parse("""
                kind: ConfigMap
                data:
                  a: value-one
                  a: value-two
                """);

        assertThat(documents).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("duplicate key a").doesNotContain("value-");
        });
    }

    @Test
    void emptyAndCommentOnlyDocumentsAreSkipped() {
        var documents = parse("""
                ---
                ---
                # only a comment
                ---
                kind: ConfigMap
                ---
                """);

        assertThat(documents).singleElement().satisfies(d -> assertThat(d.source().line()).isEqualTo(5));
        assertThat(problems).isEmpty();
    }

    @Test
    void mergeKeysAndAliasesAreResolvedWithinADocument() {
        var documents = parse("""
                kind: ConfigMap
                metadata:
                  <<: {name: a, labels: &labels {x: y}}
                  name: b
                data: *labels
                """);

        assertThat(problems).isEmpty();
        assertThat(documents.get(0).body().get("metadata")).isEqualTo(Map.of("name", "b", "labels", Map.of("x", "y")));
        assertThat(documents.get(0).body().get("data")).isEqualTo(Map.of("x", "y"));
    }

    @Test
    void anchorsDoNotCrossDocuments() {
        parse("""
                kind: ConfigMap
                metadata: &m {name: a}
                ---
                kind: ConfigMap
                metadata: *m
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("undefined alias m");
        });
    }
}
