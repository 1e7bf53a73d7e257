package io.fleetsync.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs kube-scheduler next to a harness cluster, so pods get a node. */
final class Scheduler {

    private Scheduler() {
    }

    static SideProcess start(KubeBinaries binaries, Path clusterDir, Path kubeconfig) {
        var binDir = LoopbackBinaries.install(binaries, clusterDir, List.of(KubeBinaries.SCHEDULER));
        return SideProcess.start(KubeBinaries.SCHEDULER, List.of(
                binDir.resolve(KubeBinaries.SCHEDULER).toString(),
                "--kubeconfig=" + kubeconfig,
                "--leader-elect=false",
                "--bind-address=127.0.0.1",
                "--secure-port=0"), // no HTTPS endpoint: nothing listens but the API server and etcd
                clusterDir.resolve("kube-scheduler.log"), Map.of());
    }
}
