package dev.switchboard.tools.workspace;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.tool.Description;
import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.NoArguments;
import dev.switchboard.tool.ToolContext;
import dev.switchboard.tool.ToolDefinition;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens a workspace: the handle that carries state (calendar, tool history) across calls without a session. */
@ApplicationScoped
@RegisterForReflection
@ToolDefinition(
        name = "workspace.open",
        title = "Open a workspace",
        description = "Opens a workspace for state kept across calls (calendar, tool history) and returns its handle."
                + " Pass the handle as \"workspace\" to the calendar and history tools. A workspace expires after a"
                + " period without use.",
        destructive = false,
        openWorld = false)
public class WorkspaceOpenTool implements McpTool<NoArguments, WorkspaceOpenTool.Opened> {

    @RegisterForReflection
    public record Opened(
            @Description("The workspace handle: pass it as \"workspace\"")
            String workspace,

            @Description("Seconds without use after which the workspace and its data expire")
            long expiresAfterSeconds) {}

    private final Workspaces workspaces;
    private final long ttlSeconds;

    WorkspaceOpenTool(Workspaces workspaces, SwitchboardConfig config) {
        this.workspaces = workspaces;
        this.ttlSeconds = config.sessions().ttl().toSeconds();
    }

    @Override
    public Opened call(NoArguments arguments, ToolContext context) {
        return new Opened(workspaces.open(context), ttlSeconds);
    }
}
