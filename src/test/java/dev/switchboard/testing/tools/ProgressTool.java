package dev.switchboard.testing.tools;

import dev.switchboard.api.LogLevel;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@Tool(name = "test.progress", description = "Logs once and reports three steps of progress.")
public class ProgressTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        context.log(LogLevel.INFO, "starting");
        context.progress(1, 3.0, "one");
        context.progress(1, 3.0, "repeated value: not sent");
        context.progress(2, 3.0, "two");
        context.progress(3, 3.0, null);
        return "done";
    }
}
