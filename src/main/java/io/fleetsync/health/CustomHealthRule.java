package io.fleetsync.health;

import io.fleetsync.resource.GroupKind;
import java.util.Map;

/**
 * A fleet-file health rule for one group/kind (a custom resource that says its health its own way). It is asked
 * only after the generic checks (deletion, observed generation) passed, so it never sees a stale status.
 */
public interface CustomHealthRule {
    GroupKind groupKind();

    /** The object's health by this rule; {@link HealthReason#RULE_PENDING} (in progress) when nothing matched. */
    Health evaluate(Map<String, Object> object);
}
