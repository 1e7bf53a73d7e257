package io.fleetsync.health;

import io.fleetsync.resource.GroupKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fleet file's health rules, by group/kind. */
public final class HealthRules {
    public static final HealthRules NONE = new HealthRules(List.of());

    private final Map<GroupKind, CustomHealthRule> byKind = new HashMap<>();

    public HealthRules(List<? extends CustomHealthRule> rules) {
        rules.forEach(r -> byKind.put(r.groupKind(), r));
    }

    Optional<CustomHealthRule> forKind(GroupKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public int size() {
        return byKind.size();
    }
}
