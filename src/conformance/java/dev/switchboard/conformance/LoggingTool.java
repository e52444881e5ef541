package dev.switchboard.conformance;

import dev.switchboard.tool.LogLevel;
import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.NoArguments;
import dev.switchboard.tool.ToolContext;
import dev.switchboard.tool.ToolDefinition;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@ToolDefinition(name = "test_tool_with_logging", description = "Sends three log messages while it runs.")
public class LoggingTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        context.log(LogLevel.INFO, "Tool execution started");
        Fixtures.pause(50);
        context.log(LogLevel.INFO, "Tool processing data");
        Fixtures.pause(50);
        context.log(LogLevel.INFO, "Tool execution completed");
        return "Tool with logging executed successfully";
    }
}
