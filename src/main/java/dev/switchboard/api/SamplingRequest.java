package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A request for an LLM completion by the client ({@code sampling/createMessage}).
 *
 * @param messages the conversation so far
 * @param maxTokens the most tokens the answer may have
 * @param systemPrompt an optional system prompt
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SamplingRequest(List<Message> messages, int maxTokens, String systemPrompt) {

    /** One user prompt as a whole request. */
    public static SamplingRequest ofUserText(String text, int maxTokens) {
        return new SamplingRequest(List.of(new Message("user", new TextContent(text))), maxTokens, null);
    }

    /** A message of the conversation: {@code user} or {@code assistant}, with its content. */
    @RegisterForReflection
    public record Message(String role, Content content) {}
}
