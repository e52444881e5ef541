package dev.switchboard.builtin.history;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpHeader;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolDefinition;
import dev.switchboard.builtin.workspace.Workspaces;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.ToolUse;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/** The original article's {@code tools_used}: the tool calls of a workspace or of this session, oldest first. */
@ApplicationScoped
@RegisterForReflection
@ToolDefinition(
        name = "history.tools_used",
        title = "Tools used",
        description = "Lists the tool calls made in a workspace (or this session), oldest first: each tool's name and"
                + " when it was called.",
        readOnly = true,
        openWorld = false)
public class ToolsUsedTool implements McpTool<ToolsUsedTool.Args, ToolsUsedTool.History> {

    public record Args(
            @Description("A handle from workspace.open; omit it within a session to list the session's calls")
            @McpHeader("Workspace")
            String workspace) {}

    @RegisterForReflection
    public record History(
            @Description("The tool calls, oldest first") List<ToolUse> toolsUsed) {}

    private final Workspaces workspaces;
    private final SessionStore sessions;

    ToolsUsedTool(Workspaces workspaces, SessionStore sessions) {
        this.workspaces = workspaces;
        this.sessions = sessions;
    }

    @Override
    public History call(Args args, ToolContext context) {
        String scope = workspaces.scope(args.workspace(), context);
        return new History(sessions.toolsUsed(scope).await().atMost(Duration.ofSeconds(5)));
    }
}
