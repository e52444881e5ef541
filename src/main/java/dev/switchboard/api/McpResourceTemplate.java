package dev.switchboard.api;

import java.util.List;
import java.util.Map;

/**
 * Resources named by a URI template. Implement it in one CDI bean annotated with
 * {@link ResourceTemplate}; a {@code resources/read} whose URI matches the template comes here with the
 * template's variables.
 */
public interface McpResourceTemplate {

    /**
     * @param variables the template variables, decoded
     * @throws ResourceNotFoundException when no resource exists for these variables
     */
    ResourceContents read(Map<String, String> variables, ResourceContext context);

    /** Suggestions for a template variable ({@code completion/complete}); none by default. */
    default List<String> complete(String variable, String prefix) {
        return List.of();
    }
}
