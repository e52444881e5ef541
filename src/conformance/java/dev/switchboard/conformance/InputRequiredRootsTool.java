package dev.switchboard.conformance;

import dev.switchboard.tool.InputRequest;
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
@ToolDefinition(name = "test_input_required_result_list_roots", description = "Lists the client roots.")
public class InputRequiredRootsTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        return "Roots: "
                + context.ask(InputRequest.roots("client_roots"))
                        .roots("client_roots")
                        .size();
    }
}
