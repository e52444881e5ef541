package dev.switchboard.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenAPI schema (3.0 or 3.1, its {@code $ref}s already resolved) as a self-contained JSON Schema for a tool:
 * {@code nullable} becomes a {@code "null"} type, 3.1 type arrays stay, constraints are kept, and a schema met again
 * inside itself (a recursive type) becomes {@code {}}, so every schema is finite.
 */
final class JsonSchemas {

    private static final int MAX_DEPTH = 32;

    private final ObjectMapper mapper;

    JsonSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode of(Schema<?> schema) {
        return convert(schema, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private ObjectNode convert(Schema<?> schema, Set<Schema<?>> open, int depth) {
        ObjectNode node = mapper.createObjectNode();
        if (schema == null || depth > MAX_DEPTH || !open.add(schema)) {
            return node; // anything: absent, too deep, or recursive
        }
        try {
            types(schema, node);
            text(node, "title", schema.getTitle());
            text(node, "description", schema.getDescription());
            text(node, "format", schema.getFormat());
            text(node, "pattern", schema.getPattern());
            if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                node.set("enum", mapper.valueToTree(schema.getEnum()));
            }
            if (schema.getConst() != null) {
                node.set("const", mapper.valueToTree(schema.getConst()));
            }
            if (schema.getDefault() != null) {
                node.set("default", mapper.valueToTree(schema.getDefault()));
            }
            number(node, "minimum", schema.getMinimum());
            number(node, "maximum", schema.getMaximum());
            exclusive(
                    node,
                    "exclusiveMinimum",
                    schema.getExclusiveMinimum(),
                    schema.getExclusiveMinimumValue(),
                    "minimum");
            exclusive(
                    node,
                    "exclusiveMaximum",
                    schema.getExclusiveMaximum(),
                    schema.getExclusiveMaximumValue(),
                    "maximum");
            number(node, "multipleOf", schema.getMultipleOf());
            integer(node, "minLength", schema.getMinLength());
            integer(node, "maxLength", schema.getMaxLength());
            integer(node, "minItems", schema.getMinItems());
            integer(node, "maxItems", schema.getMaxItems());
            integer(node, "minProperties", schema.getMinProperties());
            integer(node, "maxProperties", schema.getMaxProperties());
            if (Boolean.TRUE.equals(schema.getUniqueItems())) {
                node.put("uniqueItems", true);
            }
            if (Boolean.TRUE.equals(schema.getReadOnly())) {
                node.put("readOnly", true);
            }
            if (schema.getItems() != null) {
                node.set("items", convert(schema.getItems(), open, depth + 1));
            }
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null && !properties.isEmpty()) {
                ObjectNode converted = node.putObject("properties");
                properties.forEach((name, property) -> converted.set(name, convert(property, open, depth + 1)));
            }
            if (schema.getRequired() != null && !schema.getRequired().isEmpty()) {
                node.set("required", mapper.valueToTree(schema.getRequired()));
            }
            Object additional = schema.getAdditionalProperties();
            if (additional instanceof Boolean allowed) {
                node.put("additionalProperties", allowed);
            } else if (additional instanceof Schema<?> values) {
                node.set("additionalProperties", convert(values, open, depth + 1));
            }
            list(node, "allOf", (List) schema.getAllOf(), open, depth);
            list(node, "anyOf", (List) schema.getAnyOf(), open, depth);
            list(node, "oneOf", (List) schema.getOneOf(), open, depth);
            if (schema.getNot() != null) {
                node.set("not", convert(schema.getNot(), open, depth + 1));
            }
            return node;
        } finally {
            open.remove(schema);
        }
    }

    /** {@code type} (3.0, with {@code nullable}) or {@code types} (3.1) as JSON Schema's {@code type}. */
    private void types(Schema<?> schema, ObjectNode node) {
        List<String> types = new ArrayList<>();
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            types.addAll(schema.getTypes());
        } else if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (Boolean.TRUE.equals(schema.getNullable()) && !types.isEmpty() && !types.contains("null")) {
            types.add("null");
        }
        if (types.size() == 1) {
            node.put("type", types.get(0));
        } else if (!types.isEmpty()) {
            ArrayNode array = node.putArray("type");
            types.forEach(array::add);
        }
    }

    private void list(ObjectNode node, String name, List<Schema<?>> schemas, Set<Schema<?>> open, int depth) {
        if (schemas != null && !schemas.isEmpty()) {
            ArrayNode array = node.putArray(name);
            schemas.forEach(schema -> array.add(convert(schema, open, depth + 1)));
        }
    }

    private static void text(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void number(ObjectNode node, String name, java.math.BigDecimal value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void integer(ObjectNode node, String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** 3.0's boolean form moves its bound; 3.1's number form is kept as it is. */
    private static void exclusive(
            ObjectNode node, String name, Boolean flag, java.math.BigDecimal value, String bound) {
        if (value != null) {
            node.put(name, value);
        } else if (Boolean.TRUE.equals(flag) && node.has(bound)) {
            JsonNode limit = node.remove(bound);
            node.set(name, limit);
        }
    }
}
