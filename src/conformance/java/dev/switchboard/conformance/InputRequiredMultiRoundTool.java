package dev.switchboard.conformance;

import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/** Conformance fixture (2026-07-28). */
@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_input_required_result_multi_round", description = "Asks for a name, then a colour.")
public class InputRequiredMultiRoundTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        String name = context.elicit("step1", "Step 1: What is your name?", Fixtures.stringSchema("name"))
                .content()
                .path("name")
                .asText();
        String color = context.elicit("step2", "Step 2: What is your favorite color?", Fixtures.stringSchema("color"))
                .content()
                .path("color")
                .asText();
        return name + " likes " + color;
    }
}
