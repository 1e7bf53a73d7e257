package io.fleetsync.fleet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.stream.Collectors;

/**
 * Maps the fleet file onto {@link FleetDocument} with Jackson, turning unknown fields and wrong types into
 * problems instead of stopping at the first one.
 *
 * <p>Jackson reads the value SnakeYAML constructed rather than the text, because Jackson's YAML parser does not
 * resolve aliases and merge keys; positions come from the {@link io.fleetsync.input.YamlFieldIndex} anyway.
 */
final class FleetDocumentReader {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Returns the mapped document, or null when mapping could not continue (the reason is in problems). */
    FleetDocument read(Object value, FleetProblems problems) {
        try {
            return mapper.readerFor(FleetDocument.class).withHandler(new CollectingHandler(problems))
                    .readValue((JsonNode) mapper.valueToTree(value));
        } catch (JsonMappingException e) {
            problems.add(path(e), e.getOriginalMessage());
            return null;
        } catch (IOException | IllegalArgumentException e) {
            problems.add("", "cannot be mapped: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private static String path(JsonMappingException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String path(JsonStreamContext context) {
        var parts = new ArrayDeque<String>();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        var joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /** The field the parser stands on; a structure's own context is one level too deep. */
    private static String fieldAt(JsonParser p) {
        var context = p.getParsingContext();
        var token = p.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
            context = context.getParent();
        }
        return path(context);
    }

    private static String describe(JavaType type) {
        var raw = type.getRawClass();
        if (java.util.Map.class.isAssignableFrom(raw)) {
            return "a mapping";
        }
        if (java.util.Collection.class.isAssignableFrom(raw)) {
            return "a list";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "a string";
        }
        return "a mapping";
    }

    private static String found(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /** Records each mapping problem and skips the offending value so mapping goes on. */
    private static final class CollectingHandler extends DeserializationProblemHandler {
        private final FleetProblems problems;

        CollectingHandler(FleetProblems problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            var known = deserializer.getKnownPropertyNames().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            problems.add(path(p.getParsingContext()), "unknown field '" + propertyName + "' (known: " + known + ")");
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
                JsonParser p, String failureMsg) throws IOException {
            problems.add(fieldAt(p), "expected " + describe(targetType) + " but found " + found(t));
            p.skipChildren();
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                String failureMsg) throws IOException {
            problems.add(fieldAt(ctxt.getParser()), "expected " + describe(ctxt.constructType(targetType))
                    + " but found a string");
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                String failureMsg) throws IOException {
            problems.add(fieldAt(ctxt.getParser()), "expected " + describe(ctxt.constructType(targetType))
                    + " but found a number");
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
            problems.add(fieldAt(p), "expected " + describe(ctxt.constructType(instClass)) + " but found "
                    + found(p.currentToken()));
            p.skipChildren();
            return null;
        }
    }
}
