package dev.switchboard.conformance;

import dev.switchboard.api.McpPrompt;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptDefinition;
import dev.switchboard.api.PromptMessage;
import dev.switchboard.api.PromptResult;
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
