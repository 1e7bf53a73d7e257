package io.fleetsync.health;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only access to the fields of an object held as a JSON map, as the health rules need them. */
record ObjectFields(Map<String, Object> object) {

    Object at(String dotted) {
        Object current = object;
        for (var part : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }

    long number(String dotted, long fallback) {
        return at(dotted) instanceof Number n ? n.longValue() : fallback;
    }

    boolean has(String dotted) {
        return at(dotted) != null;
    }

    String text(String dotted, String fallback) {
        return at(dotted) instanceof String s ? s : fallback;
    }

    List<?> list(String dotted) {
        return at(dotted) instanceof List<?> l ? l : List.of();
    }

    String kind() {
        return text("kind", "");
    }

    String group() {
        var apiVersion = text("apiVersion", "");
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** status.conditions[] with this type, if any. */
    Optional<Condition> condition(String type) {
        for (var c : list("status.conditions")) {
            if (c instanceof Map<?, ?> m && type.equals(m.get("type"))) {
                return Optional.of(new Condition(type, String.valueOf(m.get("status")),
                        m.get("reason") instanceof String r ? r : "", m.get("message") instanceof String s ? s : "",
                        m.get("observedGeneration") instanceof Number g ? g.longValue() : -1));
            }
        }
        return Optional.empty();
    }

    /** One status condition; {@code observedGeneration} is -1 when the condition does not carry one. */
    record Condition(String type, String status, String reason, String message, long observedGeneration) {
        boolean isTrue() {
            return "True".equals(status);
        }

        /** "Type=Status (reason: message)", what a person needs to see. */
        String describe() {
            var why = reason.isEmpty() ? message : message.isEmpty() ? reason : reason + ": " + message;
            return type + "=" + status + (why.isEmpty() ? "" : " (" + why + ")");
        }
    }
}
