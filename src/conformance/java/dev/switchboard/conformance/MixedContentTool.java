package dev.switchboard.conformance;

import dev.switchboard.api.EmbeddedResource;
import dev.switchboard.api.ImageContent;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.TextContent;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolResult;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_multiple_content_types", description = "Returns text, an image and a resource.")
public class MixedContentTool implements McpTool<NoArguments, ToolResult> {

    @Override
    public ToolResult call(NoArguments arguments, ToolContext context) {
        return ToolResult.of(
                new TextContent("Multiple content types test:"),
                new ImageContent(Fixtures.PNG, "image/png", null),
                new EmbeddedResource(ResourceContents.text(
                        "test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}")));
    }
}
