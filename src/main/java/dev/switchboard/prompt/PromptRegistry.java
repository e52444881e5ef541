package dev.switchboard.prompt;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.classmate.TypeResolver;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.api.Description;
import dev.switchboard.api.McpPrompt;
import dev.switchboard.api.Principal;
import dev.switchboard.api.PromptArgument;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptDefinition;
import dev.switchboard.api.PromptResult;
import dev.switchboard.registry.Icons;
import dev.switchboard.security.ScopeDeclarations;
import dev.switchboard.security.Scopes;
import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every prompt bean with its argument list derived from its argument record, checked at start-up. */
@Singleton
public class PromptRegistry implements ScopeDeclarations {

    /** A prompt ready to be filled in. */
    public static final class RegisteredPrompt {
        private final PromptDescriptor descriptor;
        private final McpPrompt<Object> bean;
        private final ObjectReader reader;
        private final Validator validator;
        private final Set<String> scopes;

        private RegisteredPrompt(
                PromptDescriptor descriptor,
                McpPrompt<Object> bean,
                ObjectReader reader,
                Validator validator,
                Set<String> scopes) {
            this.scopes = scopes;
            this.descriptor = descriptor;
            this.bean = bean;
            this.reader = reader;
            this.validator = validator;
        }

        public PromptDescriptor descriptor() {
            return descriptor;
        }

        public McpPrompt<Object> bean() {
            return bean;
        }

        /** The scopes a caller needs to see and get it ({@code @RequiresScopes}). */
        public Set<String> scopes() {
            return scopes;
        }

        /**
         * Binds the arguments and fills in the prompt.
         *
         * @throws IllegalArgumentException with a message for the client when the arguments are wrong
         */
        public PromptResult get(JsonNode arguments, PromptContext context) {
            JsonNode json = arguments == null || arguments.isMissingNode() || arguments.isNull()
                    ? JsonNodeFactory.instance.objectNode()
                    : arguments;
            Object bound;
            try {
                bound = reader.readValue(json);
            } catch (UnrecognizedPropertyException e) {
                throw new IllegalArgumentException("Unknown argument '" + e.getPropertyName() + "' for prompt '"
                        + descriptor.name() + "'; expected: " + names());
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "Prompt '" + descriptor.name() + "' takes string arguments: " + names());
            }
            Set<ConstraintViolation<Object>> violations = validator.validate(bound);
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException("Invalid arguments for prompt '" + descriptor.name() + "': "
                        + violations.stream()
                                .map(v -> "'" + v.getPropertyPath() + "' " + v.getMessage())
                                .sorted()
                                .collect(Collectors.joining("; ")));
            }
            return bean.get(bound, context);
        }

        private String names() {
            return descriptor.arguments() == null
                    ? "none"
                    : descriptor.arguments().stream().map(PromptArgument::name).collect(Collectors.joining(", "));
        }
    }

    private final List<RegisteredPrompt> prompts;
    private final Map<String, RegisteredPrompt> byName = new HashMap<>();

    @SuppressWarnings("unchecked")
    public PromptRegistry(@All List<InstanceHandle<McpPrompt<?>>> beans, ObjectMapper mapper, Validator validator) {
        TypeResolver types = new TypeResolver();
        List<RegisteredPrompt> found = new ArrayList<>();
        for (InstanceHandle<McpPrompt<?>> handle : beans) {
            Class<?> type = handle.getBean().getBeanClass();
            PromptDefinition definition = type.getAnnotation(PromptDefinition.class);
            if (definition == null) {
                throw new IllegalStateException("Prompt class " + type.getName() + " lacks @PromptDefinition");
            }
            List<ResolvedType> parameters = types.resolve(type).typeParametersFor(McpPrompt.class);
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
                java.lang.reflect.Field field = field(argumentType, component.getName());
                boolean required = field.isAnnotationPresent(NotNull.class)
                        || field.isAnnotationPresent(NotBlank.class)
                        || field.isAnnotationPresent(NotEmpty.class);
                arguments.add(new PromptArgument(
                        component.getName(), description == null ? null : description.value(), required));
            }
            RegisteredPrompt prompt = new RegisteredPrompt(
                    new PromptDescriptor(
                            definition.name(),
                            definition.title().isEmpty() ? null : definition.title(),
                            definition.description(),
                            arguments.isEmpty() ? null : List.copyOf(arguments),
                            Icons.of(definition.icons())),
                    (McpPrompt<Object>) handle.get(),
                    mapper.readerFor(argumentType).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
                    validator,
                    Scopes.declaredBy(type));
            if (byName.putIfAbsent(definition.name(), prompt) != null) {
                throw new IllegalStateException("Duplicate prompt name '" + definition.name() + "' declared by "
                        + type.getName() + " and another prompt class");
            }
            found.add(prompt);
        }
        found.sort(Comparator.comparing(p -> p.descriptor().name()));
        this.prompts = List.copyOf(found);
    }

    private static java.lang.reflect.Field field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<PromptDescriptor> descriptors() {
        return prompts.stream().map(RegisteredPrompt::descriptor).toList();
    }

    /** The prompts {@code principal} may see and get. */
    public List<PromptDescriptor> descriptors(Principal principal) {
        return prompts.stream()
                .filter(prompt -> principal.holds(prompt.scopes()))
                .map(RegisteredPrompt::descriptor)
                .toList();
    }

    /** Every scope some prompt requires. */
    @Override
    public Set<String> scopes() {
        return Scopes.union(prompts.stream().map(RegisteredPrompt::scopes));
    }

    public Optional<RegisteredPrompt> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
