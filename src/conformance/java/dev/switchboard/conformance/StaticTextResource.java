package dev.switchboard.conformance;

import dev.switchboard.api.McpResource;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceDefinition;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@ResourceDefinition(
        uri = "test://static-text",
        name = "static-text",
        description = "A static text resource",
        mimeType = "text/plain")
public class StaticTextResource implements McpResource {

    @Override
    public ResourceContents read(ResourceContext context) {
        return ResourceContents.text(context.uri(), "text/plain", "This is the content of the static text resource.");
    }
}
