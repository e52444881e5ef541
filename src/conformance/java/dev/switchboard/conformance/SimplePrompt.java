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

@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@PromptDefinition(name = "test_simple_prompt", description = "A simple prompt without arguments")
public class SimplePrompt implements McpPrompt<NoArguments> {

    @Override
    public PromptResult get(NoArguments arguments, PromptContext context) {
        return PromptResult.of(PromptMessage.user("This is a simple prompt for testing."));
    }
}
