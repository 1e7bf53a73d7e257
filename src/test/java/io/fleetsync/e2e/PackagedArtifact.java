package io.fleetsync.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The command that starts the artifact the last Quarkus build produced, for tests that need the process itself
 * (signals): the native executable after {@code -Dnative}, otherwise the fast-jar on this JVM. Quarkus records which
 * in {@code target/quarkus-artifact.properties}; its {@code @QuarkusMainIntegrationTest} reads the same file.
 */
final class PackagedArtifact {
    private static final Path TARGET = Path.of("target");

    private PackagedArtifact() {
    }

    static List<String> command(List<String> args) throws IOException {
        var built = new Properties();
        try (Reader in = Files.newBufferedReader(TARGET.resolve("quarkus-artifact.properties"))) {
            built.load(in);
        }
        var path = TARGET.resolve(built.getProperty("path")).toAbsolutePath().toString();
        var command = new ArrayList<String>();
        switch (built.getProperty("type")) {
            case "native" -> command.add(path);
            case "jar" -> command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path));
            default -> throw new IllegalStateException("cannot launch a " + built.getProperty("type") + " artifact");
        }
        command.addAll(args);
        return command;
    }
}
