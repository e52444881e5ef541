package dev.switchboard.prompt;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.classmate.TypeResolver;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.Description;
import dev.switchboard.api.McpPrompt;
import dev.switchboard.api.Prompt;
import dev.switchboard.api.PromptArgument;
import dev.switchboard.registry.Icons;
import dev.switchboard.security.Scopes;
import io.quarkus.arc.InstanceHandle;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Registers an {@link McpPrompt} bean: its {@code @Prompt}, and its arguments read from its argument record. */
final class PromptClasses {

    private static final TypeResolver TYPES = new TypeResolver();

    private PromptClasses() {}

    @SuppressWarnings("unchecked")
    static PromptRegistry.RegisteredPrompt register(
            InstanceHandle<McpPrompt<?>> handle, ObjectMapper mapper, Validator validator) {
        Class<?> type = handle.getBean().getBeanClass();
        Prompt definition = type.getAnnotation(Prompt.class);
        if (definition == null) {
            throw new IllegalStateException("Prompt class " + type.getName() + " lacks @Prompt");
        }
        if (definition.name().isEmpty()) {
            throw new IllegalStateException(
                    "Prompt class " + type.getName() + " must give its name, e.g. @Prompt(name = \"...\")");
        }
        List<ResolvedType> parameters = TYPES.resolve(type).typeParametersFor(McpPrompt.class);
        Class<?> argumentType = parameters.get(0).getErasedType();
        if (!argumentType.isRecord()) {
            throw new IllegalStateException(
                    "Prompt class " + type.getName() + " must use a record of String arguments (or NoArguments)");
        }
        List<PromptArgument> arguments = new ArrayList<>();
        for (RecordComponent component : argumentType.getRecordComponents()) {
            if (component.getType() != String.class) {
                throw new IllegalStateException("Prompt argument " + argumentType.getSimpleName() + "."
                        + component.getName() + " must be a String: MCP prompt arguments are strings");
            }
            Description description = component.getAnnotation(Description.class);
            // Constraint annotations are not record-component annotations: they land on the field.
            Field field = field(argumentType, component.getName());
            boolean required = field.isAnnotationPresent(NotNull.class)
                    || field.isAnnotationPresent(NotBlank.class)
                    || field.isAnnotationPresent(NotEmpty.class);
            arguments.add(new PromptArgument(
                    component.getName(), description == null ? null : description.value(), required));
        }
        PromptDescriptor descriptor = new PromptDescriptor(
                definition.name(),
                definition.title().isEmpty() ? null : definition.title(),
                definition.description(),
                arguments.isEmpty() ? null : List.copyOf(arguments),
                Icons.of(definition.icons()));
        return new PromptRegistry.RegisteredPrompt(
                descriptor,
                (McpPrompt<Object>) handle.get(),
                new RecordPromptArguments(descriptor, argumentType, mapper, validator),
                Scopes.declaredBy(type));
    }

    private static Field field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
