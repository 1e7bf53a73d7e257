package io.fleetsync.diff;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Set;

/**
 * Places where the API server stores a value in another spelling than the manifest's, so that comparing the
 * manifest with the live object would report a change that is not one. One method per quirk.
 */
final class Quirks {
    /** Map keys whose values are resource quantities (requests/limits, quotas, limit ranges, overhead). */
    private static final Set<String> QUANTITY_PARENTS =
            Set.of("limits", "requests", "hard", "capacity", "allocatable", "max", "min", "default",
                    "defaultRequest", "overhead");

    private Quirks() {
    }

    /**
     * Quantities are canonicalised by the server: {@code 1000m} is stored as {@code 1}, {@code 0.5} as
     * {@code 500m}, {@code 1Gi} stays. See kubernetes/kubernetes#88466. Compared by value.
     */
    static boolean sameQuantity(String parentKey, String key, Object desired, Object live) {
        boolean quantityField = QUANTITY_PARENTS.contains(parentKey) || "sizeLimit".equals(key);
        if (!quantityField || desired == null || live == null
                || desired instanceof java.util.Map || desired instanceof java.util.List) {
            return false;
        }
        try {
            return Quantity.getAmountInBytes(new Quantity(desired.toString()))
                    .compareTo(Quantity.getAmountInBytes(new Quantity(live.toString()))) == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
