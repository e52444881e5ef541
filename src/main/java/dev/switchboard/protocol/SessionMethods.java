package dev.switchboard.protocol;

import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.protocol.core.EmptyResult;
import dev.switchboard.protocol.core.McpMethod;
import dev.switchboard.protocol.core.McpRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * The methods only the session era serves: {@code ping}, {@code logging/setLevel}, resource subscriptions, the seed
 * article's call-by-name shorthand, and the answers to methods sent in the wrong place.
 */
@Singleton
public class SessionMethods {

    private final ToolsHandler tools;
    private final LoggingHandler logging;
    private final ResourcesHandler resources;

    public SessionMethods(ToolsHandler tools, LoggingHandler logging, ResourcesHandler resources) {
        this.tools = tools;
        this.logging = logging;
        this.resources = resources;
    }

    /** The result of a session-era method not served alike by both eras ({@link SharedMethods}). */
    public Uni<?> serve(McpMethod method, McpRequest request) {
        return switch (method) {
            case PING -> Uni.createFrom().item(EmptyResult.INSTANCE);
            case LOGGING_SET_LEVEL -> logging.setLevel(request);
            case RESOURCES_SUBSCRIBE -> resources.subscribe(request);
            case RESOURCES_UNSUBSCRIBE -> resources.unsubscribe(request);
            case INITIALIZE ->
                throw JsonRpcException.invalidRequest("initialize must be sent without an Mcp-Session-Id header");
            case SERVER_DISCOVER, SUBSCRIPTIONS_LISTEN ->
                throw new JsonRpcException(
                        JsonRpcErrorCodes.METHOD_NOT_FOUND,
                        method.wire() + " belongs to protocol revision " + StatelessEraServer.VERSION
                                + ": send it without a session, with _meta io.modelcontextprotocol/protocolVersion");
            case NOTIFICATION_INITIALIZED, NOTIFICATION_CANCELLED ->
                throw JsonRpcException.invalidRequest(method.wire() + " is a notification: send it without an id");
            default -> throw new IllegalArgumentException(method.wire() + " is served alike by both eras");
        };
    }

    /**
     * The original article's form, {@code {"method":"weather.get","params":{...}}}: the tool the request's method
     * names, or "method not found".
     */
    public Uni<?> callByName(McpRequest request) {
        if (request.tool() == null) {
            throw JsonRpcException.methodNotFound(request.message().method());
        }
        return tools.callByName(request.tool(), request);
    }
}
