package dev.switchboard.conformance;

import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_tool_with_progress", description = "Reports progress 0, 50 and 100 of 100.")
public class ProgressTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        context.progress(0, 100.0, null);
        Fixtures.pause(50);
        context.progress(50, 100.0, null);
        Fixtures.pause(50);
        context.progress(100, 100.0, null);
        return "Tool with progress executed successfully";
    }
}
