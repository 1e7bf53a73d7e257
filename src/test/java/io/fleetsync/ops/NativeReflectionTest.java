package io.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A native executable only sees by reflection what is registered: every type Jackson maps by reflection (the fleet
 * file's document records, the JSON report's records) must carry {@link RegisterForReflection}, or native mode
 * fails at run time while JVM mode passes.
 */
class NativeReflectionTest {
    private static final List<String> MAPPED_BY_JACKSON = List.of(
            "io.fleetsync.fleet.FleetDocument",
            "io.fleetsync.fleet.FleetDocument$ClusterEntry",
            "io.fleetsync.fleet.FleetDocument$SelectorEntry",
            "io.fleetsync.fleet.FleetDocument$TargetEntry",
            "io.fleetsync.fleet.FleetDocument$HealthRuleEntry",
            "io.fleetsync.fleet.FleetDocument$ConditionEntry",
            "io.fleetsync.report.json.ReportDocument",
            "io.fleetsync.report.json.RunSummary",
            "io.fleetsync.report.json.ClusterCounts",
            "io.fleetsync.report.json.ClusterDocument",
            "io.fleetsync.report.json.ObjectCounts",
            "io.fleetsync.report.json.ChangeDocument",
            "io.fleetsync.report.json.OutcomeDocument",
            "io.fleetsync.report.json.HoldBackDocument",
            "io.fleetsync.report.json.OrphanDocument",
            "io.fleetsync.report.json.HealthDocument",
            "io.fleetsync.report.json.HealthDocument$ObjectHealthDocument",

            "io.fleetsync.report.json.RolloutDocument",
            "io.fleetsync.report.json.WaveDocument",
            "io.fleetsync.fleet.FleetDocument$RolloutEntry",
            "io.fleetsync.fleet.FleetDocument$WaveEntry");

    @Test
    void everyTypeJacksonMapsIsRegisteredForReflection() throws ClassNotFoundException {
        for (var name : MAPPED_BY_JACKSON) {
            var type = Class.forName(name);
            assertThat(type.isAnnotationPresent(RegisterForReflection.class)).as(name).isTrue();
            assertThat(type.isRecord()).as(name).isTrue();
            for (var component : type.getRecordComponents()) {
                var t = component.getType();
                if (t.getName().startsWith("io.fleetsync")) {
                    assertThat(MAPPED_BY_JACKSON).as("%s.%s", name, component.getName()).contains(t.getName());
                }
            }
        }
    }
}
