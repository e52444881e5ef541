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
        uri = "test://static-binary",
        name = "static-binary",
        description = "A static binary resource (a PNG image)",
        mimeType = "image/png")
public class StaticBinaryResource implements McpResource {

    @Override
    public ResourceContents read(ResourceContext context) {
        return new ResourceContents(context.uri(), "image/png", null, Fixtures.PNG, null);
    }
}
