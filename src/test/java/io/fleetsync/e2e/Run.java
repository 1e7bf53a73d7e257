package io.fleetsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** One fleetsync invocation through the real picocli parser, in-process, with what it printed. */
record Run(int exitCode, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Run of(QuarkusMainLauncher launcher, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.add("--no-color");
        LaunchResult r = launcher.launch(all.toArray(String[]::new));
        return new Run(r.exitCode(), r.getOutput(), r.getErrorOutput());
    }

    JsonNode json() {
        try {
            // In-process launches capture log lines with stdout (the real binary logs to stderr): skip them.
            int start = out.startsWith("{") ? 0 : out.indexOf("\n{") + 1;
            return JSON.readTree(out.substring(start));
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON:\n" + out + "\nstderr:\n" + err, e);
        }
    }

    /** Every change of one cluster in a JSON report. */
    List<JsonNode> changes(String cluster) {
        var c = StreamSupport.stream(json().get("clusters").spliterator(), false)
                .filter(n -> n.get("name").asText().equals(cluster)).findFirst()
                .orElseThrow(() -> new AssertionError("no cluster " + cluster + " in " + out));
        return StreamSupport.stream(c.get("changes").spliterator(), false).toList();
    }

    /** The change of one object ({@code Kind/ns/name} subject) on one cluster. */
    JsonNode change(String cluster, String subject) {
        return changes(cluster).stream().filter(n -> n.get("subject").asText().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + subject + " on " + cluster + " in " + out));
    }

    String action(String cluster, String subject) {
        return change(cluster, subject).get("action").asText();
    }

    /** Actions other than unchanged, across clusters. */
    long changeCount() {
        return StreamSupport.stream(json().get("clusters").spliterator(), false)
                .flatMap(c -> StreamSupport.stream(c.get("changes").spliterator(), false))
                .filter(ch -> !ch.get("action").asText().equals("unchanged")).count();
    }

    String status(String cluster) {
        return StreamSupport.stream(json().get("clusters").spliterator(), false)
                .filter(n -> n.get("name").asText().equals(cluster)).findFirst().orElseThrow()
                .get("status").asText();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
