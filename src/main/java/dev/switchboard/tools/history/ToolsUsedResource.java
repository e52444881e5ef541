package dev.switchboard.tools.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.resource.McpResource;
import dev.switchboard.resource.ResourceContext;
import dev.switchboard.resource.ResourceDefinition;
import dev.switchboard.session.SessionStore;
import dev.switchboard.tool.ResourceContents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** The session's {@code tools_used} history, as a resource the client (or its model) can read. */
@ApplicationScoped
@ResourceDefinition(
        uri = ToolsUsedResource.URI,
        name = "tools-used",
        title = "Tools used in this session",
        description = "Every tool call of this session, oldest first: the tool's name and when it was called.",
        mimeType = "application/json")
public class ToolsUsedResource implements McpResource {

    public static final String URI = "switchboard://session/tools-used";

    private final SessionStore sessions;
    private final ObjectMapper mapper;

    ToolsUsedResource(SessionStore sessions, ObjectMapper mapper) {
        this.sessions = sessions;
        this.mapper = mapper;
    }

    @Override
    public ResourceContents read(ResourceContext context) {
        try {
            String json = mapper.writeValueAsString(
                    sessions.toolsUsed(context.sessionId()).await().atMost(Duration.ofSeconds(5)));
            return ResourceContents.text(URI, "application/json", json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
