package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.protocol.core.McpMethod;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.registry.RegisteredTool;
import dev.switchboard.registry.ToolRegistry;
import jakarta.inject.Singleton;

/**
 * Finds the tool a request calls, once per request: the eras resolve it where they read the request and it travels
 * with it ({@link McpRequest#tool()}) to the access log, {@code tools_used} and the call. The only place on a request's
 * path that looks tools up by name (ArchitectureTest holds it so).
 */
@Singleton
public class CalledTools {

    private final ToolRegistry registry;

    public CalledTools(ToolRegistry registry) {
        this.registry = registry;
    }

    /**
     * The tool named by {@code tools/call}'s {@code params.name}, or by the method itself (the seed article's
     * shorthand, {@code {"method":"weather.get"}}); null when the request calls no tool or an unknown one.
     */
    public RegisteredTool of(JsonRpcRequest request) {
        String method = request.method();
        if (McpMethod.TOOLS_CALL.wire().equals(method)) {
            JsonNode name = request.param("name");
            return name.isTextual() ? registry.find(name.textValue()).orElse(null) : null;
        }
        return McpMethod.of(method).isPresent() ? null : registry.find(method).orElse(null);
    }
}
