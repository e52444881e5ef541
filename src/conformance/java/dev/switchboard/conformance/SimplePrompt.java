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
