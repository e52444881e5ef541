package dev.switchboard.conformance;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.SamplingRequest;
import dev.switchboard.api.SamplingResult;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_sampling", description = "Asks the client LLM to complete a prompt.")
public class SamplingTool implements McpTool<SamplingTool.Args, String> {

    public record Args(
            @Description("The prompt for the LLM") @NotBlank String prompt) {}

    @Override
    public String call(Args arguments, ToolContext context) {
        SamplingResult answer = context.sample(SamplingRequest.ofUserText(arguments.prompt(), 100));
        return "LLM response: " + answer.text();
    }
}
