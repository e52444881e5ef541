package dev.switchboard.conformance;

import dev.switchboard.api.LogLevel;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_tool_with_logging", description = "Sends three log messages while it runs.")
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
