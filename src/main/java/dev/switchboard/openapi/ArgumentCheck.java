package dev.switchboard.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a call against the tool's input schema, before anything is sent: required arguments present, each
 * argument of its declared type and, where the schema lists them, one of its values. Nested values are left to the
 * service, which answers its own error (a tool error the model reads).
 */
final class ArgumentCheck {

    private ArgumentCheck() {}

    /** What is wrong with the arguments, one sentence each; empty when nothing is. */
    static List<String> problems(ObjectNode schema, JsonNode arguments) {
        List<String> problems = new ArrayList<>();
        for (JsonNode required : schema.path("required")) {
            JsonNode value = arguments.get(required.asText());
            if (value == null || value.isNull()) {
                problems.add("'" + required.asText() + "' is required");
            }
        }
        arguments.fields().forEachRemaining(argument -> {
            JsonNode property = schema.path("properties").get(argument.getKey());
            if (property == null) {
                problems.add("'" + argument.getKey() + "' is not an argument of this tool");
                return;
            }
            JsonNode value = argument.getValue();
            if (value.isNull()) {
                return;
            }
            JsonNode type = property.path("type");
            if (type.isTextual() && !matches(type.asText(), value)) {
                problems.add("'" + argument.getKey() + "' must be of type " + type.asText());
            } else if (property.path("enum").isArray() && !contains(property.path("enum"), value)) {
                problems.add("'" + argument.getKey() + "' must be one of " + property.get("enum"));
            }
        });
        return problems;
    }

    private static boolean matches(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() % 1 == 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode allowed : values) {
            if (allowed.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
