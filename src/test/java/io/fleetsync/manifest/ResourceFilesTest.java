package io.fleetsync.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResourceFilesTest {
    private static final Path GOOD = Path.of("src/test/resources/manifest/good");
    private final ResourceFiles files = new ResourceFiles(GOOD);

    @Test
    void directoryContributesYamlAndYmlRecursivelySorted() throws IOException {
        assertThat(files.expand("base")).containsExactly(GOOD.resolve("base/list.yaml"),
                GOOD.resolve("base/namespace.yaml"), GOOD.resolve("base/nested/secret.yml"));
    }

    @Test
    void singleStarStaysInOneFolderAndDoubleStarCrossesFolders() throws IOException {
        assertThat(files.expand("base/*.y*ml")).containsExactly(GOOD.resolve("base/list.yaml"),
                GOOD.resolve("base/namespace.yaml"));
        assertThat(files.expand("base/**.yml")).containsExactly(GOOD.resolve("base/nested/secret.yml"));
        assertThat(files.expand("*/{config,skipped}.y*")).containsExactly(GOOD.resolve("apps/config.yaml"),
                GOOD.resolve("apps/skipped.yml"));
    }

    @Test
    void explicitFileIsTakenWhateverItsExtension() throws IOException {
        assertThat(files.expand("base/notes.txt")).containsExactly(GOOD.resolve("base/notes.txt"));
    }

    @Test
    void nothingMatchedIsEmpty() throws IOException {
        assertThat(files.expand("missing/")).isEmpty();
        assertThat(files.expand("missing/*.yaml")).isEmpty();
        assertThat(files.expand("base/*.json")).isEmpty();
    }

    @Test
    void malformedGlobIsRejected() {
        assertThatThrownBy(() -> files.expand("base/[a.yaml")).isInstanceOf(IllegalArgumentException.class);
    }
}
