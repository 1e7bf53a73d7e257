package io.fleetsync.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON document against the subset of JSON Schema that docs/fleetsync-v1alpha1.schema.json uses
 * ({@code $ref} into {@code $defs}, type, const, enum, required, properties, items, minimum, oneOf).
 *
 * <p>No JSON-schema library is on the classpath and the pom may not change, so this stands in for one; a keyword
 * it does not know fails loudly rather than passing silently, so the schema cannot outgrow the check unnoticed.
 */
final class SchemaSubsetValidator {

    private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "$defs", "$ref",
            "type", "const", "enum", "required", "properties", "items", "minimum", "oneOf", "format");

    private final JsonNode root;

    SchemaSubsetValidator(JsonNode schema) {
        this.root = schema;
    }

    /** Every violation as {@code /json/pointer: problem}; empty when the document conforms. */
    List<String> violations(JsonNode document) {
        var problems = new ArrayList<String>();
        check(root, document, "", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        schema.fieldNames().forEachRemaining(k -> {
            if (!KNOWN.contains(k)) throw new IllegalStateException("schema keyword not supported here: " + k);
        });
        if (schema.has("$ref")) {
            var name = schema.get("$ref").asText().replaceFirst("^#/\\$defs/", "");
            check(root.get("$defs").get(name), value, at, problems);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(at + ": expected type " + schema.get("type") + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(at + ": expected " + schema.get("const") + " but was " + value);
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("minimum") && value.isNumber() && value.asLong() < schema.get("minimum").asLong()) {
            problems.add(at + ": " + value + " is below " + schema.get("minimum"));
        }
        if (schema.has("oneOf")) {
            long matching = 0;
            for (var option : schema.get("oneOf")) {
                var sub = new ArrayList<String>();
                check(option, value, at, sub);
                if (sub.isEmpty()) matching++;
            }
            if (matching != 1) problems.add(at + ": matches " + matching + " of the oneOf options, expected 1");
        }
        if (value.isObject()) checkObject(schema, value, at, problems);
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) check(schema.get("items"), value.get(i), at + "/" + i, problems);
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("required")) {
            for (var field : schema.get("required")) {
                if (!value.has(field.asText())) problems.add(at + ": missing required field " + field.asText());
            }
        }
        if (schema.has("properties")) {
            schema.get("properties").fields().forEachRemaining(p -> {
                if (value.has(p.getKey())) check(p.getValue(), value.get(p.getKey()), at + "/" + p.getKey(), problems);
            });
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (var t : type) {
                if (typeMatches(t, value)) return true;
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (var v : array) {
            if (v.equals(value)) return true;
        }
        return false;
    }
}
