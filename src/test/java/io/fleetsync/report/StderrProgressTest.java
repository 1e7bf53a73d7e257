package io.fleetsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StderrProgressTest {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void printsOneNumberedLinePerFinishedCluster() {
        var progress = new StderrProgress(err, 3, false);

        progress.clusterStarted("prod-eu");
        progress.clusterPhase("prod-eu", "list");
        progress.clusterFinished(SampleReports.prodEu(List.of()));
        progress.clusterFinished(SampleReports.prodUs());
        progress.clusterFinished(SampleReports.staging(List.of(), "1 object failed"));

        assertThat(lines()).containsExactly(
                "[1/3] prod-eu ok 1 create, 2 update, 1 replace, 1 delete, 1 adopt-needed in 1.4s",
                "[2/3] prod-us FAILED during list: connection refused (https://10.0.0.1:6443)",
                "[3/3] staging PARTIAL 1 create, 1 update, 1 error in 1m15s: 1 object failed");
    }

    @Test
    void aClusterWithNothingToDoSaysSo() {
        var progress = new StderrProgress(err, 1, false);

        progress.clusterFinished(new ClusterReport("idle", ClusterReport.Status.OK, null, List.of(), null, null,
                Duration.ofMillis(300)));

        assertThat(lines()).containsExactly("[1/1] idle ok no changes in 300ms");
    }

    @Test
    void quietModePrintsOnlyClustersThatDidNotEndOkButKeepsCounting() {
        var progress = new StderrProgress(err, 3, true);

        progress.clusterFinished(SampleReports.prodEu(List.of()));
        progress.clusterFinished(SampleReports.prodUs());

        assertThat(lines()).containsExactly("[2/3] prod-us FAILED during list: connection refused (https://10.0.0.1:6443)");
    }

    @Test
    void linesFromManyVirtualThreadsAreWholeAndNumberedInOrder() throws Exception {
        int clusters = 200;
        var progress = new StderrProgress(err, clusters, false);

        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var tasks = IntStream.range(0, clusters).mapToObj(i -> executor.submit(() -> progress.clusterFinished(
                    new ClusterReport("c" + i, ClusterReport.Status.OK, null, List.of(), null, null, Duration.ZERO))))
                    .toList();
            for (var task : tasks) task.get();
        }

        var lines = lines();
        assertThat(lines).hasSize(clusters);
        for (int i = 0; i < clusters; i++) {
            assertThat(lines.get(i)).matches("\\[" + (i + 1) + "/" + clusters + "] c\\d+ ok no changes in 0ms");
        }
        assertThat(lines.stream().map(l -> l.split(" ")[1]).distinct()).hasSize(clusters);
    }

    @Test
    void theDefaultListenerIgnoresEverything() {
        ProgressListener.NONE.clusterStarted("x");
        ProgressListener.NONE.clusterPhase("x", "connect");
        ProgressListener.NONE.clusterFinished(SampleReports.prodUs());

        assertThat(bytes.size()).isZero();
    }

    private List<String> lines() {
        return new ArrayList<>(bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
