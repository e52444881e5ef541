package dev.switchboard.conformance;

import dev.switchboard.tool.LogLevel;
import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.NoArguments;
import dev.switchboard.tool.ToolContext;
import dev.switchboard.tool.ToolDefinition;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/** Conformance fixture (2026-07-28). */
@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@ToolDefinition(
        name = "test_logging_tool",
        description = "Logs one message; clients see it only when they ask for logs.")
public class StatelessLoggingTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        context.log(LogLevel.INFO, "Tool started");
        return "logged";
    }
}
