package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Both images ship the renderers the tests use: the same pinned helm and kustomize, built by the same scripts,
 * copied beside fleetsync. There is no Docker engine here, so this reads the Dockerfiles; the stages' shell steps
 * were run by hand (docs/native.md).
 */
class ContainerImagesTest {

    private static String pinned(String script, String variable) throws IOException {
        var m = Pattern.compile("\\$\\{" + variable + ":-([0-9.]+)}").matcher(Files.readString(Path.of("scripts",
                script)));
        assertThat(m.find()).as(script + " pins a default version").isTrue();
        return m.group(1);
    }

    @Test
    void jvmAndNativeImagesShipThePinnedHelmAndKustomizeBesideFleetsync() throws IOException {
        var kustomize = pinned("kustomize", "FLEETSYNC_KUSTOMIZE_VERSION");
        var helm = pinned("helm", "FLEETSYNC_HELM_VERSION");
        var copy = "COPY --from=tools /tools/kustomize-" + kustomize + "/kustomize /tools/helm-" + helm
                + "/helm /usr/local/bin/";
        for (var dockerfile : new String[] {"Dockerfile.jvm", "Dockerfile.native",
                "src/main/docker/Dockerfile.native-prebuilt"}) {
            var text = Files.readString(Path.of(dockerfile));
            assertThat(text).as(dockerfile)
                    .contains("COPY scripts/kustomize scripts/helm /scripts/")
                    .contains("RUN FLEETSYNC_TOOLS_DIR=/tools /scripts/kustomize && FLEETSYNC_TOOLS_DIR=/tools"
                            + " /scripts/helm")
                    .contains(copy);
            // The renderers go into the image that runs, after its last FROM.
            assertThat(text.lastIndexOf(copy)).as(dockerfile + ": copied into the final stage")
                    .isGreaterThan(text.lastIndexOf("\nFROM "));
        }
    }
}
