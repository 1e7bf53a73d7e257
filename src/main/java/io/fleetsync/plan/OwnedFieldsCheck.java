package io.fleetsync.plan;

import io.fleetsync.diff.FieldDiff;
import io.fleetsync.diff.ManagedFields;
import io.fleetsync.diff.ServerDefaults;
import io.fleetsync.resource.GroupKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pre-check that decides "unchanged" without a request: the live object cut to the fields fleetsync applied
 * last time, compared with the manifest as it would be applied now, server defaults inside atomic parts not
 * counted ({@link ServerDefaults}).
 */
final class OwnedFieldsCheck {
    private final ManagedFields managedFields;

    OwnedFieldsCheck(ManagedFields managedFields) {
        this.managedFields = managedFields;
    }

    /**
     * Paths where the manifest differs from what fleetsync owns on {@code live}; empty when unchanged, and no value
     * at all when fleetsync has no Apply entry for this version (then only a dry run can tell).
     */
    Optional<List<String>> differences(Map<String, Object> applyBody, Map<String, Object> live, String manager) {
        var apiVersion = (String) applyBody.get("apiVersion");
        var kind = (String) applyBody.get("kind");
        if (apiVersion == null || kind == null) {
            return Optional.empty();
        }
        return managedFields.ownedBy(live, manager, apiVersion).map(owned -> FieldDiff.paths(
                ObjectContent.ownedShape(applyBody), owned, ServerDefaults.of(GroupKind.of(apiVersion, kind))));
    }
}
