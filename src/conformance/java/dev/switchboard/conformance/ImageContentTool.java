package dev.switchboard.conformance;

import dev.switchboard.tool.ImageContent;
import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.NoArguments;
import dev.switchboard.tool.ToolContext;
import dev.switchboard.tool.ToolDefinition;
import dev.switchboard.tool.ToolResult;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@ToolDefinition(name = "test_image_content", description = "Returns an image.")
public class ImageContentTool implements McpTool<NoArguments, ToolResult> {

    @Override
    public ToolResult call(NoArguments arguments, ToolContext context) {
        return ToolResult.of(new ImageContent(Fixtures.PNG, "image/png", null));
    }
}
