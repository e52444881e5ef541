package dev.switchboard.builtin.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.Description;
import dev.switchboard.api.Resource;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceNotFoundException;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolState;
import dev.switchboard.api.ToolUse;
import dev.switchboard.builtin.workspace.WorkspaceHandle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The original article's {@code tools_used}: the tool calls of a workspace or of this session, oldest first, as a tool
 * the model calls and as a resource the client (or its model) reads.
 */
@ApplicationScoped
public class ToolsUsed {

    static final String URI = "switchboard://session/tools-used";

    public record History(
            @Description("The tool calls, oldest first") List<ToolUse> toolsUsed) {}

    private final ToolState state;
    private final ObjectMapper mapper;

    ToolsUsed(ToolState state, ObjectMapper mapper) {
        this.state = state;
        this.mapper = mapper;
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

    @Resource(
            uri = URI,
            name = "tools-used",
            title = "Tools used in this session",
            description = "Every tool call of this session, oldest first: the tool's name and when it was called.",
            mimeType = "application/json",
            sessionScoped = true)
    public String sessionHistory(ResourceContext context) {
        List<ToolUse> history = state.ofSession(context)
                .orElseThrow(() -> new ResourceNotFoundException(URI))
                .toolsUsed();
        return mapper.valueToTree(history).toString();
    }
}
