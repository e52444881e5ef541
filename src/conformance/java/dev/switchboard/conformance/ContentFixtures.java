package dev.switchboard.conformance;

import dev.switchboard.api.Description;
import dev.switchboard.api.EmbeddedResource;
import dev.switchboard.api.ImageContent;
import dev.switchboard.api.Prompt;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptMessage;
import dev.switchboard.api.PromptResult;
import dev.switchboard.api.Resource;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

/**
 * Conformance fixtures: the suite's fixed resources and the prompts that need no completions, as methods of one bean.
 * The two with completions ({@link ArgumentsPrompt}, {@link TemplateResource}) are classes, which can suggest values.
 */
@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
public class ContentFixtures {

    @Resource(
            uri = "test://static-text",
            name = "static-text",
            description = "A static text resource",
            mimeType = "text/plain")
    public String staticText() {
        return "This is the content of the static text resource.";
    }

    @Resource(
            uri = "test://static-binary",
            name = "static-binary",
            description = "A static binary resource (a PNG image)",
            mimeType = "image/png")
    public ResourceContents staticBinary(ResourceContext context) {
        return new ResourceContents(context.uri(), "image/png", null, Fixtures.PNG, null);
    }

    @Resource(
            uri = "test://watched-resource",
            name = "watched-resource",
            description = "A resource clients can subscribe to",
            mimeType = "text/plain")
    public String watched() {
        return "Watched resource content";
    }

    @Prompt(name = "test_simple_prompt", description = "A simple prompt without arguments")
    public String simple() {
        return "This is a simple prompt for testing.";
    }

    @Prompt(name = "test_prompt_with_image", description = "A prompt with an image")
    public PromptResult image() {
        return PromptResult.of(
                PromptMessage.user(new ImageContent(Fixtures.PNG, "image/png", null)),
                PromptMessage.user("Please analyze the image above."));
    }

    @Prompt(name = "test_prompt_with_embedded_resource", description = "A prompt that embeds a resource")
    public PromptResult embeddedResource(@Description("URI of the resource to embed") @NotNull String resourceUri) {
        return PromptResult.of(
                PromptMessage.user(new EmbeddedResource(
                        ResourceContents.text(resourceUri, "text/plain", "Embedded resource content for testing."))),
                PromptMessage.user("Please process the embedded resource above."));
    }

    /** 2026-07-28: a prompt that asks the user before it is built. */
    @Prompt(name = "test_input_required_result_prompt", description = "Asks the user for context first")
    public String inputRequired(PromptContext context) {
        String answer = context.elicit(
                        "user_context", "What context should the prompt use?", Fixtures.stringSchema("context"))
                .content()
                .path("context")
                .asText();
        return "Use this context: " + answer;
    }
}
