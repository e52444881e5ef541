package dev.switchboard.conformance;

import dev.switchboard.api.InputRequest;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/** Conformance fixture (2026-07-28). */
@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_input_required_result_list_roots", description = "Lists the client roots.")
public class InputRequiredRootsTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        return "Roots: "
                + context.ask(InputRequest.roots("client_roots"))
                        .roots("client_roots")
                        .size();
    }
}
