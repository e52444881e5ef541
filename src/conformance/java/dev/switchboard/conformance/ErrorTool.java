package dev.switchboard.conformance;

import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.NoArguments;
import dev.switchboard.tool.ToolContext;
import dev.switchboard.tool.ToolDefinition;
import dev.switchboard.tool.ToolException;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@ToolDefinition(name = "test_error_handling", description = "Always fails with an error result.")
public class ErrorTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        throw new ToolException("This tool intentionally returns an error for testing");
    }
}
