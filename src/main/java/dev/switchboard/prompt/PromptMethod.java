package dev.switchboard.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.McpPrompt;
import dev.switchboard.api.PromptArgument;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptMessage;
import dev.switchboard.api.PromptResult;
import dev.switchboard.registry.MethodCall;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@code @Prompt} method: the arguments bind to its {@code String} parameters by name, and Hibernate Validator's
 * method-validation interceptor (on every bean method with constraints) checks them before the method runs; its
 * violations become a message for the client. A {@code String} the method returns is one user message.
 */
final class PromptMethod implements McpPrompt<Object>, PromptArguments {

    private final MethodCall call;
    private final PromptDescriptor descriptor;
    private final List<String> names;

    PromptMethod(MethodCall call, PromptDescriptor descriptor) {
        this.call = call;
        this.descriptor = descriptor;
        this.names = descriptor.arguments() == null
                ? List.of()
                : descriptor.arguments().stream().map(PromptArgument::name).toList();
    }

    @Override
    public Object bind(JsonNode arguments) {
        Map<String, String> values = new HashMap<>();
        if (arguments == null || arguments.isMissingNode() || arguments.isNull()) {
            return values;
        }
        if (!arguments.isObject()) {
            throw new IllegalArgumentException(
                    "Prompt '" + descriptor.name() + "' takes an object of string arguments: " + expected());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = arguments.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!names.contains(field.getKey())) {
                throw new IllegalArgumentException("Unknown argument '" + field.getKey() + "' for prompt '"
                        + descriptor.name() + "'; expected: " + expected());
            }
            if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                throw new IllegalArgumentException(
                        "Prompt '" + descriptor.name() + "' takes string arguments: " + expected());
            }
            values.put(field.getKey(), field.getValue().textValue());
        }
        return values;
    }

    @Override
    @SuppressWarnings("unchecked")
    public PromptResult get(Object arguments, PromptContext context) {
        Object result;
        try {
            result = call.call(context, (Map<String, String>) arguments);
        } catch (ConstraintViolationException e) {
            throw new IllegalArgumentException("Invalid arguments for prompt '" + descriptor.name() + "': "
                    + e.getConstraintViolations().stream()
                            .map(violation -> "'" + argument(violation) + "' " + violation.getMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")));
        }
        return result instanceof String text ? PromptResult.of(PromptMessage.user(text)) : (PromptResult) result;
    }

    /** The parameter's name: the last node of the violation's path ({@code method.argument}). */
    private static String argument(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name;
    }

    private String expected() {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
