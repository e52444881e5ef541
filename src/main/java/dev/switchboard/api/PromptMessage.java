package dev.switchboard.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One message of a prompt: {@code user} or {@code assistant}, with text, image, audio or resource content. */
@RegisterForReflection
public record PromptMessage(String role, Content content) {

    public static PromptMessage user(Content content) {
        return new PromptMessage("user", content);
    }

    public static PromptMessage user(String text) {
        return new PromptMessage("user", new TextContent(text));
    }
}
