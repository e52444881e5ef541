package dev.switchboard.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;

/**
 * The Jakarta Validation constraints of a method parameter, written into its property schema as the matching JSON
 * Schema keywords. victools reads constraints from fields and methods only; a parameter needs this. Hibernate
 * Validator still checks every constraint when the tool is called: the schema tells the model the rules beforehand.
 */
final class ParameterConstraints {

    private ParameterConstraints() {}

    /** True when the argument must be given: a primitive, or a parameter that rejects null. */
    static boolean required(Parameter parameter) {
        return parameter.getType().isPrimitive()
                || parameter.isAnnotationPresent(NotNull.class)
                || parameter.isAnnotationPresent(NotBlank.class)
                || parameter.isAnnotationPresent(NotEmpty.class);
    }

    static void apply(Parameter parameter, ObjectNode schema) {
        String type = schema.path("type").asText();
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation instanceof NotBlank || annotation instanceof NotEmpty) {
                atLeast(schema, type, 1);
            } else if (annotation instanceof Size size) {
                atLeast(schema, type, size.min());
                if (size.max() != Integer.MAX_VALUE) {
                    schema.put(type.equals("array") ? "maxItems" : "maxLength", size.max());
                }
            } else if (annotation instanceof Min min) {
                schema.put("minimum", min.value());
            } else if (annotation instanceof Max max) {
                schema.put("maximum", max.value());
            } else if (annotation instanceof DecimalMin min) {
                schema.put(min.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(min.value()));
            } else if (annotation instanceof DecimalMax max) {
                schema.put(max.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(max.value()));
            } else if (annotation instanceof Positive) {
                schema.put("exclusiveMinimum", 0);
            } else if (annotation instanceof PositiveOrZero) {
                schema.put("minimum", 0);
            } else if (annotation instanceof Negative) {
                schema.put("exclusiveMaximum", 0);
            } else if (annotation instanceof NegativeOrZero) {
                schema.put("maximum", 0);
            } else if (annotation instanceof Pattern pattern) {
                schema.put("pattern", pattern.regexp());
            } else if (annotation instanceof Email) {
                schema.put("format", "email");
            }
        }
    }

    private static void atLeast(ObjectNode schema, String type, int min) {
        if (min > 0) {
            schema.put(
                    switch (type) {
                        case "array" -> "minItems";
                        case "object" -> "minProperties";
                        default -> "minLength";
                    },
                    Math.max(
                            min,
                            schema.path(type.equals("array") ? "minItems" : "minLength")
                                    .asInt(0)));
        }
    }
}
