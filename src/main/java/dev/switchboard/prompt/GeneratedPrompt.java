package dev.switchboard.prompt;

import dev.switchboard.registry.GeneratedMethod;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A {@code @Prompt} method as the build describes it in {@value #LOCATION}.
 *
 * @param descriptor what {@code prompts/list} sends, its arguments the method's {@code String} parameters
 * @param method the method that fills the prompt in
 */
@RegisterForReflection
public record GeneratedPrompt(PromptDescriptor descriptor, GeneratedMethod method) {

    /** The registry file inside the jar; one per class-path root. */
    public static final String LOCATION = "META-INF/switchboard/prompts.json";
}
