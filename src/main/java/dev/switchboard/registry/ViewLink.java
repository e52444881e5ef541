package dev.switchboard.registry;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A tool's view (MCP Apps): what {@code _meta.ui} of the tool says to clients that support the extension.
 *
 * @param resourceUri the view's {@code ui://} resource
 * @param visibility who may use the tool: {@code model}, {@code app}, or both
 */
@RegisterForReflection
public record ViewLink(String resourceUri, List<String> visibility) {

    public static final String MODEL = "model";

    public ViewLink {
        visibility = List.copyOf(visibility);
    }

    /** Whether the tool is for its view alone, hidden from the model. */
    public boolean appOnly() {
        return !visibility.contains(MODEL);
    }
}
