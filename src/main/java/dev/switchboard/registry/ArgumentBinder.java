package dev.switchboard.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Set;

/**
 * Turns a call's JSON arguments into the record that holds them all and validates it. Every failure is an
 * {@link InvalidArgumentsException} naming the field and the rule.
 */
final class ArgumentBinder {

    private final String toolName;
    private final ObjectReader reader;
    private final Validator validator;

    ArgumentBinder(String toolName, Class<?> type, ObjectMapper mapper, Validator validator) {
        this.toolName = toolName;
        this.reader = strictReader(mapper, mapper.constructType(type));
        this.validator = validator;
    }

    /**
     * Jackson as strict as the schema (no unknown properties, no null for primitives, no numbers for enums), and
     * times keep the offset the caller gave rather than moving to UTC.
     */
    static ObjectReader strictReader(ObjectMapper mapper, JavaType type) {
        return mapper.readerFor(type)
                .without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    Object bind(JsonNode arguments) {
        JsonNode json = ArgumentErrors.object(toolName, arguments);
        Object bound;
        try {
            bound = reader.readValue(json);
        } catch (UnrecognizedPropertyException e) {
            throw ArgumentErrors.unknown(toolName, e.getPropertyName(), e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            throw ArgumentErrors.mismatch(toolName, null, e);
        } catch (IOException e) {
            throw ArgumentErrors.invalid(toolName, e.getMessage());
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(bound);
        if (!violations.isEmpty()) {
            throw ArgumentErrors.violated(
                    toolName,
                    violations,
                    violation -> violation.getPropertyPath().toString());
        }
        return bound;
    }
}
