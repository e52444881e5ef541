package dev.switchboard.prompt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.api.McpPrompt;
import dev.switchboard.api.Principal;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptResult;
import dev.switchboard.registry.GeneratedFiles;
import dev.switchboard.registry.MethodCall;
import dev.switchboard.registry.SourceClaims;
import dev.switchboard.security.ScopeDeclarations;
import dev.switchboard.security.Scopes;
import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every prompt: this application's ({@code McpPrompt} beans and {@code @Prompt} methods, checked at start-up) and those
 * mounted from other sources (upstream servers), sorted by name.
 */
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

    /** The prompts at one moment, sorted by name; replaced whole when a mount changes. */
    private record Catalog(List<RegisteredPrompt> prompts, Map<String, RegisteredPrompt> byName) {

        static Catalog of(List<RegisteredPrompt> prompts) {
            Map<String, RegisteredPrompt> byName = new HashMap<>();
            for (RegisteredPrompt prompt : prompts) {
                if (byName.putIfAbsent(prompt.descriptor().name(), prompt) != null) {
                    throw new IllegalStateException(
                            "Duplicate prompt name '" + prompt.descriptor().name() + "': prompt names must be unique");
                }
            }
            return new Catalog(
                    prompts.stream()
                            .sorted(Comparator.comparing(p -> p.descriptor().name()))
                            .toList(),
                    Map.copyOf(byName));
        }
    }

    private final List<RegisteredPrompt> built;
    private final Map<String, List<RegisteredPrompt>> mounts = new LinkedHashMap<>();
    private volatile Catalog catalog;

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
        this.catalog = Catalog.of(found);
        this.built = catalog.prompts();
    }

    /**
     * Serves {@code prompts} as the prompts of {@code source} from now on, replacing what it mounted before. A name
     * another source (or this application) already serves is left out with a warning.
     */
    public synchronized void mount(String source, List<MountedPrompt> prompts) {
        mounts.remove(source);
        Set<String> taken = new HashSet<>();
        built.forEach(prompt -> taken.add(prompt.descriptor().name()));
        mounts.values()
                .forEach(list ->
                        list.forEach(prompt -> taken.add(prompt.descriptor().name())));
        PromptArguments passed = arguments ->
                arguments == null || arguments.isMissingNode() ? JsonNodeFactory.instance.objectNode() : arguments;
        List<RegisteredPrompt> registered = new ArrayList<>();
        for (MountedPrompt prompt : SourceClaims.unclaimed(
                source, "prompt", prompts, p -> p.descriptor().name(), taken)) {
            McpPrompt<Object> bean = new McpPrompt<>() {
                @Override
                public PromptResult get(Object arguments, PromptContext context) {
                    return prompt.get().get((JsonNode) arguments, context);
                }

                @Override
                public List<String> complete(String argument, String prefix) {
                    return prompt.complete().complete(argument, prefix);
                }
            };
            registered.add(new RegisteredPrompt(prompt.descriptor(), bean, passed, prompt.scopes()));
        }
        mounts.put(source, List.copyOf(registered));
        List<RegisteredPrompt> all = new ArrayList<>(built);
        mounts.values().forEach(all::addAll);
        catalog = Catalog.of(all);
    }

    public List<PromptDescriptor> descriptors() {
        return catalog.prompts().stream().map(RegisteredPrompt::descriptor).toList();
    }

    /** The prompts {@code principal} may see and get. */
    public List<PromptDescriptor> descriptors(Principal principal) {
        return catalog.prompts().stream()
                .filter(prompt -> principal.holds(prompt.scopes()))
                .map(RegisteredPrompt::descriptor)
                .toList();
    }

    /** Every scope some prompt requires. */
    @Override
    public Set<String> scopes() {
        return Scopes.union(catalog.prompts().stream().map(RegisteredPrompt::scopes));
    }

    public Optional<RegisteredPrompt> find(String name) {
        return Optional.ofNullable(catalog.byName().get(name));
    }
}
