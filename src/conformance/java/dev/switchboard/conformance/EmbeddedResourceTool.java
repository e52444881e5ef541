package dev.switchboard.conformance;

import dev.switchboard.tool.EmbeddedResource;
import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.NoArguments;
import dev.switchboard.tool.ResourceContents;
import dev.switchboard.tool.ToolContext;
import dev.switchboard.tool.ToolDefinition;
import dev.switchboard.tool.ToolResult;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@RegisterForReflection
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@ToolDefinition(name = "test_embedded_resource", description = "Returns an embedded resource.")
public class EmbeddedResourceTool implements McpTool<NoArguments, ToolResult> {

    @Override
    public ToolResult call(NoArguments arguments, ToolContext context) {
        return ToolResult.of(new EmbeddedResource(ResourceContents.text(
                "test://embedded-resource", "text/plain", "This is an embedded resource content.")));
    }
}
