package dev.switchboard.api;

import java.util.List;

/**
 * A prompt template. Implement it in one CDI bean annotated with {@link Prompt}. {@code A} is a record of
 * string arguments (or {@link dev.switchboard.api.NoArguments}); components with {@code @NotNull} or
 * {@code @NotBlank} are required, {@link dev.switchboard.api.Description} describes them. Annotate the class with
 * {@code @RegisterForReflection} for native images.
 */
public interface McpPrompt<A> {

    PromptResult get(A arguments, PromptContext context);

    /** Suggestions for an argument's value ({@code completion/complete}); none by default. */
    default List<String> complete(String argument, String prefix) {
        return List.of();
    }
}
