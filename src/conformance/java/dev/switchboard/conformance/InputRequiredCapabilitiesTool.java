package dev.switchboard.conformance;

import dev.switchboard.api.InputRequest;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.MissingClientCapabilityException;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.SamplingRequest;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/** Conformance fixture (2026-07-28). */
@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_input_required_result_capabilities", description = "Asks the user if it can, else the client LLM.")
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
