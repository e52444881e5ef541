package dev.switchboard.conformance;

import dev.switchboard.api.EmbeddedResource;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolResult;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_embedded_resource", description = "Returns an embedded resource.")
public class EmbeddedResourceTool implements McpTool<NoArguments, ToolResult> {

    @Override
    public ToolResult call(NoArguments arguments, ToolContext context) {
        return ToolResult.of(new EmbeddedResource(ResourceContents.text(
                "test://embedded-resource", "text/plain", "This is an embedded resource content.")));
    }
}
