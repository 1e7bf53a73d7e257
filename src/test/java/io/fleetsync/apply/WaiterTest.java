package io.fleetsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaiterTest {
    @Test
    void crdWhoseControllerHasNotReportedYetIsNotEstablished() {
        var status = new HashMap<String, Object>();
        status.put("conditions", null); // what the server returns right after the CRD was written, under load
        assertThat(Waiter.established(Map.of("status", status))).isFalse();
        assertThat(Waiter.established(Map.of("status", Map.of()))).isFalse();
        assertThat(Waiter.established(Map.of())).isFalse();
    }

    @Test
    void establishedTrueCounts() {
        var crd = Map.<String, Object>of("status", Map.of("conditions", List.of(
                Map.of("type", "NamesAccepted", "status", "True"), Map.of("type", "Established", "status", "True"))));
        assertThat(Waiter.established(crd)).isTrue();
    }
}
