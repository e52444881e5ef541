package dev.switchboard.prompt;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.api.Icon;
import dev.switchboard.api.PromptArgument;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A prompt as {@code prompts/list} shows it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptDescriptor(
        String name, String title, String description, List<PromptArgument> arguments, List<Icon> icons) {}
