package dev.switchboard.prompt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/** The arguments of an {@code McpPrompt} class: bound to its record, then checked by its constraints. */
final class RecordPromptArguments implements PromptArguments {

    private final String prompt;
    private final String expected;
    private final ObjectReader reader;
    private final Validator validator;

    RecordPromptArguments(PromptDescriptor descriptor, Class<?> record, ObjectMapper mapper, Validator validator) {
        this.prompt = descriptor.name();
        this.expected = descriptor.arguments() == null
                ? "none"
                : descriptor.arguments().stream().map(a -> a.name()).collect(Collectors.joining(", "));
        this.reader = mapper.readerFor(record).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
    }

    @Override
    public Object bind(JsonNode arguments) {
        JsonNode json = arguments == null || arguments.isMissingNode() || arguments.isNull()
                ? JsonNodeFactory.instance.objectNode()
                : arguments;
        Object bound;
        try {
            bound = reader.readValue(json);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("Unknown argument '" + e.getPropertyName() + "' for prompt '" + prompt
                    + "'; expected: " + expected);
        } catch (IOException e) {
            throw new IllegalArgumentException("Prompt '" + prompt + "' takes string arguments: " + expected);
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(bound);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Invalid arguments for prompt '" + prompt + "': "
                    + violations.stream()
                            .map(v -> "'" + v.getPropertyPath() + "' " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")));
        }
        return bound;
    }
}
