package dev.switchboard.builtin.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpResource;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceDefinition;
import dev.switchboard.api.ResourceNotFoundException;
import dev.switchboard.api.ToolState;
import dev.switchboard.api.ToolUse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The session's {@code tools_used} history, as a resource the client (or its model) can read. */
@ApplicationScoped
@ResourceDefinition(
        uri = ToolsUsedResource.URI,
        name = "tools-used",
        title = "Tools used in this session",
        description = "Every tool call of this session, oldest first: the tool's name and when it was called.",
        mimeType = "application/json",
        sessionScoped = true)
public class ToolsUsedResource implements McpResource {

    public static final String URI = "switchboard://session/tools-used";

    private final ToolState state;
    private final ObjectMapper mapper;

    ToolsUsedResource(ToolState state, ObjectMapper mapper) {
        this.state = state;
        this.mapper = mapper;
    }

    @Override
    public ResourceContents read(ResourceContext context) {
        List<ToolUse> history = state.ofSession(context)
                .orElseThrow(() -> new ResourceNotFoundException(URI))
                .toolsUsed();
        return ResourceContents.text(
                URI, "application/json", mapper.valueToTree(history).toString());
    }
}
