package io.fleetsync.health;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fleetsync.resource.GroupKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet-file rule of CEL expressions, as Flux's {@code healthCheckExprs}: {@code inProgress}, {@code failed} and
 * {@code current}, asked in that order, each a boolean over the object's top-level fields ({@code apiVersion},
 * {@code kind}, {@code metadata}, {@code spec}, {@code status}). None true, or an expression that cannot be
 * evaluated yet (a status field not written), means in progress. Google's CEL for Java (dev.cel) does the
 * parsing, type-checking and evaluation; the expressions are compiled when the fleet file is loaded.
 */
public final class CelRule implements CustomHealthRule {
    private static final List<String> VARIABLES = List.of("apiVersion", "kind", "metadata", "spec", "status");
    private static final CelCompiler COMPILER = compiler();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private record Check(HealthStatus status, String source, CelRuntime.Program program) {
    }

    private final GroupKind groupKind;
    private final List<Check> checks;

    private CelRule(GroupKind groupKind, List<Check> checks) {
        this.groupKind = groupKind;
        this.checks = List.copyOf(checks);
    }

    private static CelCompiler compiler() {
        // The standard macros (has, all, exists, exists_one, map, filter) are off unless asked for; Flux-style rules
        // need has() to test a status field the controller may not have written yet.
        var b = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        for (var v : VARIABLES) {
            b.addVar(v, SimpleType.DYN);
        }
        return b.build();
    }

    @Override
    public GroupKind groupKind() {
        return groupKind;
    }

    @Override
    public Health evaluate(Map<String, Object> object) {
        var vars = new LinkedHashMap<String, Object>();
        for (var v : VARIABLES) {
            vars.put(v, celValue(object.getOrDefault(v, Map.of())));
        }
        for (var order : List.of(HealthStatus.IN_PROGRESS, HealthStatus.FAILED, HealthStatus.CURRENT)) {
            for (var check : checks) {
                if (check.status() != order) {
                    continue;
                }
                try {
                    var result = check.program().eval(vars);
                    if (Boolean.TRUE.equals(result)) {
                        return new Health(order, HealthReason.RULE_MATCHED, "rule: " + check.source());
                    }
                    // Fields are dynamic, so the checker cannot prove every expression boolean at load time.
                    if (!(result instanceof Boolean)) {
                        return Health.inProgress(HealthReason.RULE_PENDING, "health rule expression is not a "
                                + "boolean: " + check.source());
                    }
                } catch (CelEvaluationException e) {
                    // A field the controller has not written yet: not decided, as Flux treats it.
                    return Health.inProgress(HealthReason.RULE_PENDING, "health rule not decidable yet: "
                            + e.getMessage());
                }
            }
        }
        return Health.inProgress(HealthReason.RULE_PENDING, "no health rule expression is true yet");
    }

    /** CEL's ints are longs and its doubles doubles: JSON's Integers and Floats are widened. */
    private static Object celValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            var out = new LinkedHashMap<String, Object>();
            m.forEach((k, v) -> out.put(String.valueOf(k), celValue(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            var out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(celValue(v)));
            return out;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    /** Compiles one rule's expressions, each on its own, so every bad one is reported. */
    public static final class Builder {
        private final GroupKind groupKind;
        private final List<Check> checks = new ArrayList<>();

        public Builder(GroupKind groupKind) {
            this.groupKind = groupKind;
        }

        /** Compiles and type-checks {@code expression}; returns the problem, or null when it compiled. */
        public String add(HealthStatus status, String expression) {
            try {
                CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
                checks.add(new Check(status, expression, RUNTIME.createProgram(ast)));
                return null;
            } catch (CelValidationException e) {
                return e.getMessage().replace('\n', ' ').replaceAll("\\s+", " ").trim();
            } catch (CelEvaluationException e) {
                return e.getMessage();
            }
        }

        public CelRule build() {
            return new CelRule(groupKind, checks);
        }
    }
}
