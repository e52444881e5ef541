package dev.switchboard.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool's view (MCP Apps): what {@code _meta.ui} of the tool says to clients that support the extension.
 *
 * @param resourceUri the view's {@code ui://} resource; null for a tool of another source that names only its visibility
 * @param visibility who may use the tool: {@code model}, {@code app}, or both
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ViewLink(String resourceUri, List<String> visibility) {

    public static final String MODEL = "model";
    public static final String APP = "app";

    /**
     * What a tool of another source (an upstream server) says of its view in {@code _meta.ui} (or the deprecated
     * {@code _meta["ui/resourceUri"]}); null when it says nothing usable.
     */
    public static ViewLink of(JsonNode meta) {
        JsonNode ui = meta.path("ui");
        JsonNode uri = ui.path("resourceUri").isTextual() ? ui.path("resourceUri") : meta.path("ui/resourceUri");
        String resourceUri = uri.isTextual() && uri.textValue().startsWith("ui://") ? uri.textValue() : null;
        List<String> visibility = new ArrayList<>();
        ui.path("visibility").forEach(who -> {
            if ((MODEL.equals(who.asText()) || APP.equals(who.asText())) && !visibility.contains(who.asText())) {
                visibility.add(who.asText());
            }
        });
        if (resourceUri == null && visibility.isEmpty()) {
            return null;
        }
        return new ViewLink(resourceUri, visibility.isEmpty() ? List.of(MODEL, APP) : visibility);
    }

    public ViewLink {
        visibility = List.copyOf(visibility);
    }

    /** Whether the tool is for its view alone, hidden from the model. */
    public boolean appOnly() {
        return !visibility.contains(MODEL);
    }
}
