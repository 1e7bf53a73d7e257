package io.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
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
            "io.fleetsync.report.json.SkippedDocument",
            "io.fleetsync.report.json.WarningDocument",
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
                for (var t : fleetsyncTypes(component.getGenericType())) {
                    assertThat(MAPPED_BY_JACKSON).as("%s.%s", name, component.getName()).contains(t);
                }
            }
        }
    }

    /** The fleetsync classes a component's type names, type arguments included ({@code List<SkippedDocument>}). */
    private static List<String> fleetsyncTypes(Type type) {
        if (type instanceof ParameterizedType p) {
            var out = new ArrayList<>(fleetsyncTypes(p.getRawType()));
            for (var argument : p.getActualTypeArguments()) {
                out.addAll(fleetsyncTypes(argument));
            }
            return out;
        }
        if (type instanceof Class<?> c && c.getName().startsWith("io.fleetsync")) {
            return List.of(c.getName());
        }
        return List.of();
    }
}
