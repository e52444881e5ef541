package dev.switchboard.conformance;

import dev.switchboard.tool.EmbeddedResource;
import dev.switchboard.tool.ImageContent;
import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.NoArguments;
import dev.switchboard.tool.ResourceContents;
import dev.switchboard.tool.TextContent;
import dev.switchboard.tool.ToolContext;
import dev.switchboard.tool.ToolDefinition;
import dev.switchboard.tool.ToolResult;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@ToolDefinition(name = "test_multiple_content_types", description = "Returns text, an image and a resource.")
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
