package dev.switchboard.conformance;

import dev.switchboard.api.ImageContent;
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
@PromptDefinition(name = "test_prompt_with_image", description = "A prompt with an image")
public class ImagePrompt implements McpPrompt<NoArguments> {

    @Override
    public PromptResult get(NoArguments arguments, PromptContext context) {
        return PromptResult.of(
                PromptMessage.user(new ImageContent(Fixtures.PNG, "image/png", null)),
                PromptMessage.user("Please analyze the image above."));
    }
}
