package io.fleetsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetsync.diff.ManagedFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The owned-field pre-check over objects as kube-apiserver 1.34 stored them after fleetsync's apply (fixtures in
 * {@code plan/owned-fields/}: {@code desired} is the manifest, {@code live} the stored object with its
 * managedFields, {@code changedPaths} what the pre-check must find — empty means "unchanged, no dry run").
 */
class OwnedFieldsCheckTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final OwnedFieldsCheck check = new OwnedFieldsCheck(new ManagedFields());

    record Fixture(String name, Map<String, Object> desired, Map<String, Object> live, List<String> changedPaths) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fixture> fixtures() throws Exception {
        var dir = Path.of(OwnedFieldsCheckTest.class.getResource("/plan/owned-fields").toURI());
        try (var files = Files.list(dir)) {
            return files.sorted().map(OwnedFieldsCheckTest::read).toList().stream();
        }
    }

    @SuppressWarnings("unchecked")
    private static Fixture read(Path file) {
        try {
            Map<String, Object> doc = YAML.readValue(file.toFile(), Map.class);
            return new Fixture(file.getFileName().toString(), (Map<String, Object>) doc.get("desired"),
                    (Map<String, Object>) doc.get("live"), (List<String>) doc.get("changedPaths"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read fixture " + file, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findsExactlyTheChangedPathsAndNothingTheServerFilledIn(Fixture f) {
        var differences = check.differences(f.desired(), f.live(), "fleetsync");

        assertThat(differences).as("fleetsync has an Apply entry in %s", f.name()).isPresent();
        assertThat(differences.get()).as(f.name()).containsExactlyInAnyOrderElementsOf(f.changedPaths());
    }
}
