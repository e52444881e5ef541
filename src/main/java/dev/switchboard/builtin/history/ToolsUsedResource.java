package dev.switchboard.builtin.history;

import dev.switchboard.api.McpResource;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceDefinition;
import dev.switchboard.config.JsonCodec;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.ToolUse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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

    private final SessionStore sessions;
    private final JsonCodec json;

    ToolsUsedResource(SessionStore sessions, JsonCodec json) {
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    public ResourceContents read(ResourceContext context) {
        List<ToolUse> history = sessions.toolsUsed(context.sessionId()).await().atMost(Duration.ofSeconds(5));
        return ResourceContents.text(URI, "application/json", json.write(history));
    }
}
