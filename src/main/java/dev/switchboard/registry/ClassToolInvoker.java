package dev.switchboard.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.ToolContext;

/** An {@link McpTool} bean: its arguments bound to its argument record, then {@link McpTool#call}. */
final class ClassToolInvoker implements ToolInvoker {

    private final McpTool<Object, Object> tool;
    private final ArgumentBinder arguments;

    ClassToolInvoker(McpTool<Object, Object> tool, ArgumentBinder arguments) {
        this.tool = tool;
        this.arguments = arguments;
    }

    @Override
    public Object invoke(JsonNode json, ToolContext context) {
        return tool.call(arguments.bind(json), context);
    }

    @Override
    public boolean blocking() {
        return tool.blocking();
    }
}
