package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The answer to {@code prompts/get}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptResult(String description, List<PromptMessage> messages) {

    public static PromptResult of(PromptMessage... messages) {
        return new PromptResult(null, List.of(messages));
    }
}
