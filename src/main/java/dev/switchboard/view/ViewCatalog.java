package dev.switchboard.view;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.McpResource;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.protocol.core.ServerCapabilities;
import dev.switchboard.registry.GeneratedFiles;
import dev.switchboard.resource.ClasspathFiles;
import dev.switchboard.resource.ResourceDescriptor;
import dev.switchboard.resource.ResourceRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The views (MCP Apps) the tools declare with {@code @AppView}, from the index the build wrote: each served as its
 * {@code ui://} resource, {@code text/html;profile=mcp-app} with the view's {@code _meta.ui} (CSP domains,
 * permissions, border preference), read from the class path when a host asks for it.
 */
@ApplicationScoped
public class ViewCatalog {

    private final List<ResourceRegistry.Fixed> views;

    public ViewCatalog(ObjectMapper mapper) {
        this.views =
                GeneratedFiles.read(mapper, GeneratedView.LOCATION, new TypeReference<List<GeneratedView>>() {})
                        .stream()
                        .map(ViewCatalog::resource)
                        .toList();
    }

    void mount(@Observes StartupEvent event, ResourceRegistry resources) {
        if (!views.isEmpty()) {
            resources.mount("views", views, List.of());
        }
    }

    private static ResourceRegistry.Fixed resource(GeneratedView view) {
        return new ResourceRegistry.Fixed(
                new ResourceDescriptor(
                        view.uri(), view.name(), null, view.description(), ServerCapabilities.APPS_MIME_TYPE, null),
                reader(view),
                false,
                Set.of());
    }

    private static McpResource reader(GeneratedView view) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.set("ui", view.ui());
        return context -> {
            String html = new String(ClasspathFiles.read(view.html(), view.uri()), StandardCharsets.UTF_8);
            return ResourceContents.text(view.uri(), ServerCapabilities.APPS_MIME_TYPE, html)
                    .withMeta(meta.deepCopy());
        };
    }
}
