package dev.switchboard.testing.tools;

import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@Tool(name = "test.sleepy", description = "Sleeps 5 s, past its 1 s limit.", timeoutSeconds = 1)
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
