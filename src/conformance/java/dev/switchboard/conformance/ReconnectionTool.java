package dev.switchboard.conformance;

import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(
        name = "test_reconnection",
        description = "Closes the connection mid-call; the client resumes with Last-Event-ID to get the result.")
public class ReconnectionTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        context.closeConnection();
        Fixtures.pause(100);
        return "Reconnection test completed successfully. If you received this, the client properly reconnected"
                + " after stream closure.";
    }
}
