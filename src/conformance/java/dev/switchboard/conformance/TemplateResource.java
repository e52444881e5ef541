package dev.switchboard.conformance;

import dev.switchboard.api.McpResourceTemplate;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceTemplate;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@ResourceTemplate(
        uriTemplate = "test://template/{id}/data",
        name = "template-data",
        description = "Data for any id",
        mimeType = "application/json")
public class TemplateResource implements McpResourceTemplate {

    @Override
    public ResourceContents read(Map<String, String> variables, ResourceContext context) {
        String id = variables.get("id");
        return ResourceContents.text(
                context.uri(),
                "application/json",
                "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}");
    }

    @Override
    public List<String> complete(String variable, String prefix) {
        return List.of("123", "456").stream()
                .filter(id -> id.startsWith(prefix))
                .toList();
    }
}
