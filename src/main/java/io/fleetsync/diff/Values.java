package io.fleetsync.diff;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Equality of plain JSON values where numbers compare by value (YAML and the server disagree on int vs long). */
final class Values {
    private Values() {
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof Map<?, ?> m && b instanceof Map<?, ?> n) {
            if (m.size() != n.size()) {
                return false;
            }
            for (var e : m.entrySet()) {
                if (!n.containsKey(e.getKey()) || !equal(e.getValue(), n.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> l && b instanceof List<?> r) {
            if (l.size() != r.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!equal(l.get(i), r.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
