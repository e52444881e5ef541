package dev.switchboard.conformance;

import dev.switchboard.prompt.McpPrompt;
import dev.switchboard.prompt.PromptContext;
import dev.switchboard.prompt.PromptDefinition;
import dev.switchboard.prompt.PromptMessage;
import dev.switchboard.prompt.PromptResult;
import dev.switchboard.tool.ImageContent;
import dev.switchboard.tool.NoArguments;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@PromptDefinition(name = "test_prompt_with_image", description = "A prompt with an image")
public class ImagePrompt implements McpPrompt<NoArguments> {

    @Override
    public PromptResult get(NoArguments arguments, PromptContext context) {
        return PromptResult.of(
                PromptMessage.user(new ImageContent(Fixtures.PNG, "image/png", null)),
                PromptMessage.user("Please analyze the image above."));
    }
}
