package dev.switchboard.conformance;

import dev.switchboard.api.Description;
import dev.switchboard.api.EmbeddedResource;
import dev.switchboard.api.McpPrompt;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptDefinition;
import dev.switchboard.api.PromptMessage;
import dev.switchboard.api.PromptResult;
import dev.switchboard.api.ResourceContents;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@PromptDefinition(name = "test_prompt_with_embedded_resource", description = "A prompt that embeds a resource")
public class EmbeddedResourcePrompt implements McpPrompt<EmbeddedResourcePrompt.Args> {

    public record Args(
            @Description("URI of the resource to embed") @NotNull
            String resourceUri) {}

    @Override
    public PromptResult get(Args arguments, PromptContext context) {
        return PromptResult.of(
                PromptMessage.user(new EmbeddedResource(ResourceContents.text(
                        arguments.resourceUri(), "text/plain", "Embedded resource content for testing."))),
                PromptMessage.user("Please process the embedded resource above."));
    }
}
