package dev.switchboard.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolResult;
import java.time.Duration;
import java.util.Set;

/**
 * A tool served by something other than a bean of this application (an upstream MCP server), mounted into the
 * {@link ToolRegistry} at run time: its descriptor as the source gave it, and how to call it.
 *
 * @param descriptor what {@code tools/list} sends
 * @param scopes the OAuth scopes a caller needs to see and call it
 * @param timeout its time limit
 * @param call runs it on a worker thread; a failure the model should read is a result with {@code isError}
 * @param view its view (MCP Apps {@code _meta.ui}) as the source gave it, or null for none
 */
public record MountedTool(ToolDescriptor descriptor, Set<String> scopes, Duration timeout, Call call, ViewLink view) {

    /** Runs one call of a mounted tool. */
    @FunctionalInterface
    public interface Call {
        ToolResult call(JsonNode arguments, ToolContext context);
    }

    public MountedTool {
        scopes = Set.copyOf(scopes);
    }

    public MountedTool(ToolDescriptor descriptor, Set<String> scopes, Duration timeout, Call call) {
        this(descriptor, scopes, timeout, call, null);
    }
}
