package dev.switchboard.conformance;

import dev.switchboard.prompt.McpPrompt;
import dev.switchboard.prompt.PromptContext;
import dev.switchboard.prompt.PromptDefinition;
import dev.switchboard.prompt.PromptMessage;
import dev.switchboard.prompt.PromptResult;
import dev.switchboard.tool.NoArguments;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/** Conformance fixture (2026-07-28): a prompt that asks the user before it is built. */
@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@PromptDefinition(name = "test_input_required_result_prompt", description = "Asks the user for context first")
public class InputRequiredPrompt implements McpPrompt<NoArguments> {

    @Override
    public PromptResult get(NoArguments arguments, PromptContext context) {
        String answer = context.elicit(
                        "user_context", "What context should the prompt use?", Fixtures.stringSchema("context"))
                .content()
                .path("context")
                .asText();
        return PromptResult.of(PromptMessage.user("Use this context: " + answer));
    }
}
