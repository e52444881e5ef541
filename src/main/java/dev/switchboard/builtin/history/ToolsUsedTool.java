package dev.switchboard.builtin.history;

import dev.switchboard.api.Description;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolState;
import dev.switchboard.api.ToolUse;
import dev.switchboard.builtin.workspace.WorkspaceHandle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The original article's {@code tools_used}: the tool calls of a workspace or of this session, oldest first. */
@ApplicationScoped
public class ToolsUsedTool {

    public record History(
            @Description("The tool calls, oldest first") List<ToolUse> toolsUsed) {}

    private final ToolState state;

    ToolsUsedTool(ToolState state) {
        this.state = state;
    }

    @Tool(
            name = "history.tools_used",
            title = "Tools used",
            description = "Lists the tool calls made in a workspace (or this session), oldest first: each tool's name"
                    + " and when it was called.",
            readOnly = true,
            openWorld = false)
    public History toolsUsed(@WorkspaceHandle String workspace, ToolContext context) {
        return new History(state.of(workspace, context).toolsUsed());
    }
}
