package dev.switchboard.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a call's JSON arguments into the tool's argument record and validates it. Every failure is an
 * {@link InvalidArgumentsException} naming the field and the rule, so the model can fix its call.
 */
final class ArgumentBinder {

    private final String toolName;
    private final ObjectReader reader;
    private final Validator validator;

    ArgumentBinder(String toolName, Class<?> type, ObjectMapper mapper, Validator validator) {
        this.toolName = toolName;
        this.reader = mapper.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        this.validator = validator;
    }

    Object bind(JsonNode arguments) {
        JsonNode json = arguments == null || arguments.isNull() || arguments.isMissingNode()
                ? JsonNodeFactory.instance.objectNode()
                : arguments;
        if (!json.isObject()) {
            throw new InvalidArgumentsException(
                    "Invalid arguments for tool '" + toolName + "': arguments must be a JSON object");
        }
        Object bound;
        try {
            bound = reader.readValue(json);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidArgumentsException("Invalid arguments for tool '" + toolName + "': unknown argument '"
                    + e.getPropertyName() + "'; known arguments: "
                    + e.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            throw new InvalidArgumentsException(
                    "Invalid arguments for tool '" + toolName + "': " + path(e) + " " + expectation(e));
        } catch (IOException e) {
            throw new InvalidArgumentsException("Invalid arguments for tool '" + toolName + "': " + e.getMessage());
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(bound);
        if (!violations.isEmpty()) {
            throw new InvalidArgumentsException("Invalid arguments for tool '" + toolName + "': "
                    + violations.stream()
                            .sorted(Comparator.comparing(
                                    v -> v.getPropertyPath().toString()))
                            .map(ArgumentBinder::describe)
                            .collect(Collectors.joining("; ")));
        }
        return bound;
    }

    private String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "the arguments" : "'" + path + "'";
    }

    private static String expectation(JsonMappingException e) {
        Class<?> target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                ? mismatch.getTargetType()
                : null;
        if (target == null) {
            return "has an invalid value";
        }
        if (target == int.class
                || target == long.class
                || target == Integer.class
                || target == Long.class
                || target == short.class
                || target == Short.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "must be a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 date-time with an offset, e.g. 2026-11-24T10:00:00+01:00";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be an object";
        }
        return "has an invalid value";
    }

    private static String describe(ConstraintViolation<Object> violation) {
        String rule = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return "'" + violation.getPropertyPath() + "' " + violation.getMessage() + " (@" + rule + ")";
    }
}
