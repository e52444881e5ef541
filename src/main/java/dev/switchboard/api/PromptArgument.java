package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One argument of a prompt as {@code prompts/list} shows it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptArgument(String name, String description, boolean required) {}
