package dev.switchboard.testing.tools;

import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.NoArguments;
import dev.switchboard.tool.ToolContext;
import dev.switchboard.tool.ToolDefinition;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = TestTools.PROPERTY, stringValue = "true")
@ToolDefinition(name = "test.sleepy", description = "Sleeps 5 s, past its 1 s limit.", timeoutSeconds = 1)
public class SleepyTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        try {
            Thread.sleep(5000);
            return "woke";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
