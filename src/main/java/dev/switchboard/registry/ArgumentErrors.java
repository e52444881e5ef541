package dev.switchboard.registry;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The messages of {@link InvalidArgumentsException}: each names the argument and the rule, so the model can fix its
 * call. Shared by both ways a tool takes its arguments.
 */
final class ArgumentErrors {

    private ArgumentErrors() {}

    /** The arguments as an object: absent means none; anything but an object is refused. */
    static ObjectNode object(String tool, JsonNode arguments) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (arguments instanceof ObjectNode object) {
            return object;
        }
        throw invalid(tool, "arguments must be a JSON object");
    }

    static InvalidArgumentsException invalid(String tool, String problem) {
        return new InvalidArgumentsException("Invalid arguments for tool '" + tool + "': " + problem);
    }

    static InvalidArgumentsException unknown(String tool, String name, Collection<?> known) {
        return invalid(
                tool,
                "unknown argument '" + name + "'; "
                        + (known.isEmpty()
                                ? "this tool takes no arguments"
                                : "known arguments: "
                                        + known.stream()
                                                .map(Object::toString)
                                                .sorted()
                                                .collect(Collectors.joining(", "))));
    }

    /** A value Jackson could not bind; {@code prefix} is the argument's name when binding one argument alone. */
    static InvalidArgumentsException mismatch(String tool, String prefix, JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (prefix != null) {
            path = path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
        }
        return invalid(tool, (path.isEmpty() ? "the arguments" : "'" + path + "'") + " " + expectation(e));
    }

    /** Constraint violations, sorted by path; {@code path} gives each one's path as the model knows it. */
    static InvalidArgumentsException violated(
            String tool,
            Set<? extends ConstraintViolation<?>> violations,
            Function<ConstraintViolation<?>, String> path) {
        return invalid(
                tool,
                violations.stream()
                        .<ConstraintViolation<?>>map(violation -> violation)
                        .sorted(Comparator.comparing(path))
                        .map(violation -> "'" + path.apply(violation) + "' " + violation.getMessage() + " (@"
                                + violation
                                        .getConstraintDescriptor()
                                        .getAnnotation()
                                        .annotationType()
                                        .getSimpleName()
                                + ")")
                        .collect(Collectors.joining("; ")));
    }

    private static String expectation(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
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
}
