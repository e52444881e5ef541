package dev.switchboard.builtin.workspace;

import dev.switchboard.api.Description;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolState;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens a workspace: the handle that carries state (calendar, tool history) across calls without a session. */
@ApplicationScoped
public class WorkspaceOpenTool {

    public record Opened(
            @Description("The workspace handle: pass it as \"workspace\"")
            String workspace,

            @Description("Seconds without use after which the workspace and its data expire")
            long expiresAfterSeconds) {}

    private final ToolState state;

    WorkspaceOpenTool(ToolState state) {
        this.state = state;
    }

    @Tool(
            name = "workspace.open",
            title = "Open a workspace",
            description = "Opens a workspace for state kept across calls (calendar, tool history) and returns its"
                    + " handle. Pass the handle as \"workspace\" to the calendar and history tools. A workspace"
                    + " expires after a period without use.",
            destructive = false,
            openWorld = false)
    public Opened open(ToolContext context) {
        ToolState.OpenedWorkspace opened = state.open(context);
        return new Opened(opened.handle(), opened.expiresAfter().toSeconds());
    }
}
