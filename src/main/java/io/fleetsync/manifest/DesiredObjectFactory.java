package io.fleetsync.manifest;

import io.fleetsync.fleet.Target;
import io.fleetsync.input.InputProblem;
import io.fleetsync.resource.GroupKind;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.resource.ResourceScopes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates one parsed manifest for one target and turns it into a {@link DesiredObject}: identity fields are
 * required, the namespace follows the kind's scope (defaulted from the target), and the body is brought into the
 * shape the API server stores, so a later comparison with the live object is not fooled by how it was written.
 */
final class DesiredObjectFactory {
    private static final GroupKind SECRET = new GroupKind("", "Secret");

    private final ResourceScopes scopes;
    private final SharedValues shared;

    DesiredObjectFactory(ResourceScopes scopes, SharedValues shared) {
        this.scopes = scopes;
        this.shared = shared;
    }

    Optional<DesiredObject> create(ManifestDocument document, Target target, List<InputProblem> problems) {
        var body = document.body();
        var source = document.source();
        int before = problems.size();
        var apiVersion = requiredString(body.get("apiVersion"), "apiVersion", source, problems);
        var kind = requiredString(body.get("kind"), "kind", source, problems);
        String name = null;
        Object namespaceValue = null;
        if (body.get("metadata") instanceof Map<?, ?> metadata) {
            name = requiredString(metadata.get("name"), "metadata.name", source, problems);
            namespaceValue = metadata.get("namespace");
        } else {
            problem(source, "metadata", body.containsKey("metadata") ? "metadata must be a mapping"
                    : "missing required field metadata.name", problems);
        }
        if (namespaceValue != null && !(namespaceValue instanceof String)) {
            problem(source, "metadata.namespace", "metadata.namespace must be a string", problems);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        var groupKind = GroupKind.of(apiVersion, kind);
        var given = (String) namespaceValue;
        var subject = kind + " " + name;
        String namespace = "";
        if (scopes.isNamespaced(groupKind)) {
            namespace = given != null && !given.isEmpty() ? given : target.namespace();
            if (namespace == null) {
                problem(source, "metadata.namespace", subject + " is namespaced but sets no metadata.namespace, and"
                        + " target '" + target.name() + "' has no default namespace", problems);
                return Optional.empty();
            }
        } else if (given != null && !given.isEmpty()) {
            problem(source, "metadata.namespace", subject + " is cluster-scoped and must not set"
                    + " metadata.namespace (found '" + given + "')", problems);
            return Optional.empty();
        }
        var stored = storedShape(body, namespace, groupKind.equals(SECRET), source, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        // Shared: the desired state is held until the run ends, and most of it repeats across clusters.
        var key = new ResourceKey(share(groupKind.group()), share(kind), share(namespace), share(name));
        return Optional.of(new DesiredObject(key, target.name(), share(apiVersion), shared.shareObject(stored),
                source));
    }

    private String share(String value) {
        return (String) shared.share(value);
    }

    /**
     * The body as the API server would store it: no status (owned by controllers), the effective namespace in
     * metadata, and a Secret's stringData folded into data (the server never stores stringData, so a desired
     * stringData would always look changed). Nested values are already unmodifiable and null-free.
     */
    private static Map<String, Object> storedShape(Map<String, Object> body, String namespace, boolean secret,
            SourceLocation source, List<InputProblem> problems) {
        var shaped = new LinkedHashMap<>(body);
        shaped.remove("status");
        var metadata = new LinkedHashMap<String, Object>();
        ((Map<?, ?>) body.get("metadata")).forEach((k, v) -> metadata.put((String) k, v));
        if (namespace.isEmpty()) {
            metadata.remove("namespace");
        } else {
            metadata.put("namespace", namespace);
        }
        shaped.put("metadata", Collections.unmodifiableMap(metadata));
        if (secret && shaped.containsKey("stringData")) {
            foldStringData(shaped, source, problems);
        }
        return Collections.unmodifiableMap(shaped);
    }

    // Messages here name keys only: Secret values must never reach an error message.
    private static void foldStringData(Map<String, Object> secret, SourceLocation source,
            List<InputProblem> problems) {
        if (!(secret.remove("stringData") instanceof Map<?, ?> stringData)) {
            problem(source, "stringData", "stringData must be a mapping of keys to strings", problems);
            return;
        }
        var data = new LinkedHashMap<String, Object>();
        var existing = secret.get("data");
        if (existing instanceof Map<?, ?> map) {
            map.forEach((k, v) -> data.put((String) k, v));
        } else if (existing != null) {
            problem(source, "data", "data must be a mapping of keys to base64 strings", problems);
            return;
        }
        stringData.forEach((k, v) -> {
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                problem(source, "stringData." + k, "stringData." + k + " must be a string", problems);
            } else {
                // The API server lets stringData win over data for the same key.
                data.put((String) k, Base64.getEncoder().encodeToString(
                        String.valueOf(v).getBytes(StandardCharsets.UTF_8)));
            }
        });
        secret.put("data", Collections.unmodifiableMap(data));
    }

    private static String requiredString(Object value, String field, SourceLocation source,
            List<InputProblem> problems) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        problem(source, field, value == null ? "missing required field " + field : field + " must be a non-empty"
                + " string", problems);
        return null;
    }

    private static void problem(SourceLocation source, String field, String message, List<InputProblem> problems) {
        problems.add(ManifestParser.problemAt(source, field, message));
    }
}
