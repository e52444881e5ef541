package dev.switchboard.conformance;

import dev.switchboard.api.ClientAnswers;
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
@Tool(
        name = "test_input_required_result_multiple_inputs",
        description = "Asks for a name, a greeting and the roots at once.")
public class InputRequiredMultipleTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        ClientAnswers answers = context.ask(
                InputRequest.elicit("user_name", "What is your name?", Fixtures.stringSchema("name")),
                InputRequest.sample("greeting", SamplingRequest.ofUserText("Generate a greeting", 50)),
                InputRequest.roots("client_roots"));
        return answers.sampling("greeting").text() + " "
                + answers.elicitation("user_name").content().path("name").asText() + " ("
                + answers.roots("client_roots").size() + " roots)";
    }
}
