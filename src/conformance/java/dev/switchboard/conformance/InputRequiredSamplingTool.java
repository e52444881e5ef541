package dev.switchboard.conformance;

import dev.switchboard.api.InputRequest;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.SamplingRequest;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/** Conformance fixture (2026-07-28). */
@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_input_required_result_sampling", description = "Asks the client LLM a question.")
public class InputRequiredSamplingTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        return context.ask(InputRequest.sample(
                        "capital_question", SamplingRequest.ofUserText("What is the capital of France?", 100)))
                .sampling("capital_question")
                .text();
    }
}
