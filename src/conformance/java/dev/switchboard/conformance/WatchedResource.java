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
        uri = "test://watched-resource",
        name = "watched-resource",
        description = "A resource clients can subscribe to",
        mimeType = "text/plain")
public class WatchedResource implements McpResource {

    @Override
    public ResourceContents read(ResourceContext context) {
        return ResourceContents.text(context.uri(), "text/plain", "Watched resource content");
    }
}
