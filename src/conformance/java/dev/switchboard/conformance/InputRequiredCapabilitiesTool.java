package dev.switchboard.conformance;

import dev.switchboard.tool.InputRequest;
import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.MissingClientCapabilityException;
import dev.switchboard.tool.NoArguments;
import dev.switchboard.tool.SamplingRequest;
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
        name = "test_input_required_result_capabilities",
        description = "Asks the user if it can, else the client LLM.")
public class InputRequiredCapabilitiesTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        try {
            return Fixtures.askName(context);
        } catch (MissingClientCapabilityException e) {
            return context.ask(InputRequest.sample("name_guess", SamplingRequest.ofUserText("Pick a name", 10)))
                    .sampling("name_guess")
                    .text();
        }
    }
}
