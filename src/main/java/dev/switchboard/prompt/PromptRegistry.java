package dev.switchboard.prompt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpPrompt;
import dev.switchboard.api.Principal;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptResult;
import dev.switchboard.registry.GeneratedFiles;
import dev.switchboard.registry.MethodCall;
import dev.switchboard.security.ScopeDeclarations;
import dev.switchboard.security.Scopes;
import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every prompt ({@code McpPrompt} beans and {@code @Prompt} methods), sorted by name, checked at start-up. */
@Singleton
public class PromptRegistry implements ScopeDeclarations {

    /** A prompt ready to be filled in. */
    public static final class RegisteredPrompt {
        private final PromptDescriptor descriptor;
        private final McpPrompt<Object> bean;
        private final PromptArguments arguments;
        private final Set<String> scopes;

        RegisteredPrompt(
                PromptDescriptor descriptor, McpPrompt<Object> bean, PromptArguments arguments, Set<String> scopes) {
            this.descriptor = descriptor;
            this.bean = bean;
            this.arguments = arguments;
            this.scopes = scopes;
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
        public PromptResult get(JsonNode json, PromptContext context) {
            return bean.get(arguments.bind(json), context);
        }
    }

    private static final TypeReference<List<GeneratedPrompt>> GENERATED = new TypeReference<>() {};

    private final List<RegisteredPrompt> prompts;
    private final Map<String, RegisteredPrompt> byName = new HashMap<>();

    public PromptRegistry(@All List<InstanceHandle<McpPrompt<?>>> beans, ObjectMapper mapper, Validator validator) {
        List<RegisteredPrompt> found = new ArrayList<>();
        for (InstanceHandle<McpPrompt<?>> handle : beans) {
            found.add(PromptClasses.register(handle, mapper, validator));
        }
        for (GeneratedPrompt generated : GeneratedFiles.read(mapper, GeneratedPrompt.LOCATION, GENERATED)) {
            MethodCall.bind(generated.method()).ifPresent(call -> {
                PromptMethod method = new PromptMethod(call, generated.descriptor());
                found.add(new RegisteredPrompt(
                        generated.descriptor(),
                        method,
                        method,
                        generated.method().scopes()));
            });
        }
        for (RegisteredPrompt prompt : found) {
            if (byName.putIfAbsent(prompt.descriptor().name(), prompt) != null) {
                throw new IllegalStateException(
                        "Duplicate prompt name '" + prompt.descriptor().name() + "': prompt names must be unique");
            }
        }
        found.sort(Comparator.comparing(p -> p.descriptor().name()));
        this.prompts = List.copyOf(found);
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
