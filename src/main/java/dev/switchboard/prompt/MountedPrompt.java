package dev.switchboard.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptResult;
import java.util.List;
import java.util.Set;

/**
 * A prompt served by another source (an upstream MCP server), mounted into the {@link PromptRegistry} at run time.
 *
 * @param descriptor what {@code prompts/list} sends
 * @param scopes the OAuth scopes a caller needs to see and get it
 * @param get fills it in from the request's {@code arguments} (the source checks them), on a worker thread
 */
public record MountedPrompt(PromptDescriptor descriptor, Set<String> scopes, Get get, Complete complete) {

    /** Fills in one mounted prompt. */
    @FunctionalInterface
    public interface Get {
        PromptResult get(JsonNode arguments, PromptContext context);
    }

    /** Suggests values for one of its arguments ({@code completion/complete}). */
    @FunctionalInterface
    public interface Complete {
        List<String> complete(String argument, String prefix);
    }

    /** A prompt without completions. */
    public MountedPrompt(PromptDescriptor descriptor, Set<String> scopes, Get get) {
        this(descriptor, scopes, get, (argument, prefix) -> List.of());
    }

    public MountedPrompt {
        scopes = Set.copyOf(scopes);
    }
}
