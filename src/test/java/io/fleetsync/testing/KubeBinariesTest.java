package io.fleetsync.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeBinariesTest {

    @Test
    void aPoolWithoutBinariesFailsNamingTheMissingBinaryAndTheScript(@TempDir Path empty) {
        var binaries = new KubeBinaries("1.34.4", empty.resolve("k8s/1.34.4-linux-amd64"));
        var pool = new ClusterPool(binaries, empty.resolve("clusters"));

        assertThatThrownBy(() -> pool.fresh(1))
                .isInstanceOf(KubeBinaries.MissingKubeBinariesException.class)
                .hasMessageContaining(empty.resolve("k8s/1.34.4-linux-amd64/etcd").toString())
                .hasMessageContaining("scripts/kube-binaries");
    }
}
