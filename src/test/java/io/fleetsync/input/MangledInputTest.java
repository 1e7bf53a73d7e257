package io.fleetsync.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.ClusterSelector;
import io.fleetsync.fleet.Connection;
import io.fleetsync.fleet.Fleet;
import io.fleetsync.fleet.FleetLoader;
import io.fleetsync.fleet.Target;
import io.fleetsync.manifest.DesiredStateLoader;
import io.fleetsync.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated and randomly mangled copies of valid input must end in success or an {@link InputException}: a user's
 * half-saved file should never surface as a parser's stack trace.
 */
class MangledInputTest {
    private static final long SEED = 20261127L;
    private static final int MANGLED_PER_FILE = 150;
    private static final byte[] NOISE = ":-[]{}#&*!|>'\"%@`, \t\n?$}x0\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path temp;

    @Test
    void mangledFleetFilesLoadOrFailWithInputException() throws IOException {
        var dir = TestFiles.copyTree(Path.of("src/test/resources/fleet"), temp.resolve("fleet"));
        var loader = new FleetLoader(Map.of("EDGE_TOKEN", "token"), dir.resolve("home"));
        var outcomes = new int[2];
        for (var source : List.of(dir.resolve("valid.yaml"), dir.resolve("bad/token-file.yaml"))) {
            for (var variant : variants(Files.readAllBytes(source))) {
                var file = source.resolveSibling("mangled.yaml");
                Files.write(file, variant);
                outcomes[outcome(variant, () -> loader.load(file))]++;
            }
        }
        assertThat(outcomes[0]).as("some variants still load").isPositive();
        assertThat(outcomes[1]).as("some variants fail").isPositive();
    }

    @Test
    void mangledExampleFleetLoadsOrFailsWithInputException() throws IOException {
        var dir = TestFiles.copyTree(Path.of("examples"), temp.resolve("examples"));
        var loader = new FleetLoader(Map.of(), temp);
        for (var variant : variants(Files.readAllBytes(dir.resolve("fleet.yaml")))) {
            var file = dir.resolve("mangled.yaml");
            Files.write(file, variant);
            outcome(variant, () -> loader.load(file));
        }
    }

    @Test
    void mangledManifestsLoadOrFailWithInputException() throws IOException {
        var dir = TestFiles.copyTree(Path.of("src/test/resources/manifest/good"), temp.resolve("manifests"));
        var cluster = new Cluster("prod-eu", Map.of("env", "prod", "region", "eu"),
                new Connection.Kubeconfig(dir.resolve("kubeconfig"), "prod-eu", false));
        var target = new Target("test", new ClusterSelector(List.of("prod-eu"), Map.of()), "apps",
                List.of(new io.fleetsync.fleet.Source.Files("mangled.yaml")), true);
        var fleet = new Fleet(dir.resolve("fleet.yaml"), List.of(cluster), List.of(target));
        var loader = new DesiredStateLoader();
        var outcomes = new int[2];
        List<Path> sources;
        try (Stream<Path> files = Files.walk(dir)) {
            sources = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.getFileName().toString().equals("fleet.yaml")).sorted().toList();
        }
        for (var source : sources) {
            for (var variant : variants(Files.readAllBytes(source))) {
                Files.write(dir.resolve("mangled.yaml"), variant);
                outcomes[outcome(variant, () -> loader.load(fleet, Set.of(), Set.of()))]++;
            }
        }
        assertThat(outcomes[0]).as("some variants still load").isPositive();
        assertThat(outcomes[1]).as("some variants fail").isPositive();
    }

    private interface Load {
        void run() throws InputException;
    }

    /** 0 for success, 1 for an InputException; anything else fails the test with the offending input. */
    private static int outcome(byte[] variant, Load load) {
        try {
            load.run();
            return 0;
        } catch (InputException e) {
            assertThat(e.problems()).isNotEmpty();
            return 1;
        } catch (RuntimeException | StackOverflowError e) {
            fail("unexpected " + e + " for input:\n" + new String(variant, StandardCharsets.UTF_8), e);
            return -1;
        }
    }

    /** Truncations at every Nth byte, then mangled copies from a fixed seed so failures reproduce. */
    static List<byte[]> variants(byte[] original) {
        var variants = new ArrayList<byte[]>();
        int step = Math.max(1, original.length / 50);
        for (int cut = 0; cut < original.length; cut += step) {
            variants.add(Arrays.copyOf(original, cut));
        }
        var random = new Random(SEED + original.length);
        for (int i = 0; i < MANGLED_PER_FILE; i++) {
            variants.add(mangle(original, random));
        }
        return variants;
    }

    private static byte[] mangle(byte[] original, Random random) {
        var lines = new ArrayList<>(List.of(new String(original, StandardCharsets.ISO_8859_1).split("\n", -1)));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(5)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(random.nextInt(lines.size()), lines.get(at));
                case 2 -> {
                    int other = random.nextInt(lines.size());
                    var swapped = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, swapped);
                }
                default -> {
                    var line = new StringBuilder(lines.get(at));
                    int pos = line.isEmpty() ? 0 : random.nextInt(line.length());
                    var noise = (char) (NOISE[random.nextInt(NOISE.length)] & 0xff);
                    if (random.nextBoolean() && !line.isEmpty()) {
                        line.setCharAt(pos, noise);
                    } else {
                        line.insert(pos, noise);
                    }
                    lines.set(at, line.toString());
                }
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}
