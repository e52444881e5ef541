package dev.switchboard.builtin.workspace;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolDefinition;
import dev.switchboard.config.SwitchboardConfig;
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
