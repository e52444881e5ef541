package dev.switchboard.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.jsonrpc.JsonRpcError;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcParser;
import dev.switchboard.jsonrpc.JsonRpcPayload;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.McpMethod;
import dev.switchboard.protocol.McpReply;
import dev.switchboard.protocol.ProtocolVersion;
import dev.switchboard.protocol.RequestRejectedException;
import dev.switchboard.protocol.SessionEraServer;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.SessionStoreUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The MCP endpoint (Streamable HTTP transport). It checks the HTTP envelope (Origin, Accept, Content-Type,
 * protocol version header), parses JSON-RPC, hands the message to the protocol layer and maps its outcome, and
 * every refusal, to an HTTP response.
 */
@Path("/mcp")
@Tag(name = "MCP", description = "Model Context Protocol endpoint (JSON-RPC 2.0 over Streamable HTTP)")
public class McpResource {

    private static final Logger LOG = Logger.getLogger(McpResource.class);
    private static final int SESSION_NOT_FOUND = -32001;

    private final SessionEraServer server;
    private final SessionStore sessions;
    private final OriginPolicy origins;
    private final JsonRpcParser parser;

    public McpResource(SessionEraServer server, SessionStore sessions, OriginPolicy origins, ObjectMapper mapper) {
        this.server = server;
        this.sessions = sessions;
        this.origins = origins;
        this.parser = new JsonRpcParser(mapper);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send one JSON-RPC message to the MCP server",
            description = "An AI client (agent) talks to this server with JSON-RPC 2.0 messages. Start with an"
                    + " `initialize` request: the answer carries an `Mcp-Session-Id` header to send on every later"
                    + " request. Then `tools/list` shows the tools and `tools/call` runs one. A request gets a"
                    + " JSON-RPC response (HTTP 200, also when it carries a JSON-RPC `error`); a notification or a"
                    + " response gets HTTP 202 with no body. As a shortcut, a tool can be called by its name:"
                    + " `{\"method\":\"weather.get\",\"params\":{\"city\":\"Paris\"}}` answers the tool's result.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JsonRpcRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "initialize",
                                        value = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                                                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                                                + "\"clientInfo\":{\"name\":\"curl\",\"version\":\"1.0\"}}}"),
                                @ExampleObject(
                                        name = "tools/list",
                                        value = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"),
                                @ExampleObject(
                                        name = "tools/call",
                                        value = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                                                + "{\"name\":\"weather.get\",\"arguments\":{\"city\":\"Paris\"}}}"),
                                @ExampleObject(
                                        name = "shorthand",
                                        value = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"weather.get\",\"params\":"
                                                + "{\"city\":\"Paris\"}}")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The JSON-RPC response (a result or a JSON-RPC error). On `initialize` the"
                    + " `Mcp-Session-Id` header holds the new session id.",
            content = @Content(schema = @Schema(implementation = JsonRpcResponse.class)))
    @APIResponse(responseCode = "202", description = "A notification or response was accepted; no body")
    @APIResponse(
            responseCode = "400",
            description = "Not JSON (-32700), not a valid JSON-RPC message (-32600), missing `Mcp-Session-Id`,"
                    + " unsupported `MCP-Protocol-Version`, or a batch outside protocol revision 2025-03-26")
    @APIResponse(responseCode = "403", description = "The `Origin` header names a site that is not allowed")
    @APIResponse(responseCode = "404", description = "Unknown, expired or deleted session: initialize again")
    @APIResponse(
            responseCode = "406",
            description = "`Accept` does not list both application/json and text/event-stream")
    @APIResponse(responseCode = "415", description = "`Content-Type` is not application/json")
    @APIResponse(responseCode = "503", description = "The session store is unavailable; retry later")
    public Uni<Response> post(
            byte[] body,
            @Parameter(description = "Must list application/json and text/event-stream")
                    @HeaderParam(HttpHeaders.ACCEPT)
                    String accept,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Sent by browsers; must be an allowed origin") @HeaderParam("Origin")
                    String origin,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "The session id from the initialize response; required after initialize")
                    @HeaderParam(McpHeaders.SESSION_ID)
                    String sessionId,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "The negotiated protocol revision, e.g. 2025-11-25; 2025-03-26 when absent")
                    @HeaderParam(McpHeaders.PROTOCOL_VERSION)
                    String protocolVersion) {
        try {
            checkOrigin(origin);
            if (!MediaTypeRules.acceptsJsonAndEventStream(accept)) {
                throw new TransportException(
                        406,
                        JsonRpcErrorCodes.INVALID_REQUEST,
                        "Not Acceptable: the Accept header must list both application/json and text/event-stream");
            }
            if (!MediaTypeRules.isJson(contentType)) {
                throw new TransportException(
                        415,
                        JsonRpcErrorCodes.INVALID_REQUEST,
                        "Unsupported Media Type: send the JSON-RPC message with Content-Type: application/json");
            }
            JsonRpcPayload payload = parser.parse(body);
            if (!payload.batch() && payload.single() instanceof JsonRpcPayload.Invalid invalid) {
                return Uni.createFrom().item(json(400, invalid.response()));
            }
            if (!isInitialize(payload)) {
                checkProtocolVersion(protocolVersion);
            }
            return server.handle(payload, sessionId)
                    .map(McpResource::toResponse)
                    .onFailure()
                    .recoverWithItem(McpResource::failure);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(failure(e));
        }
    }

    @DELETE
    @Operation(summary = "End a session", description = "Deletes the session named by `Mcp-Session-Id`.")
    @APIResponse(responseCode = "204", description = "The session is ended")
    @APIResponse(responseCode = "400", description = "Missing `Mcp-Session-Id`")
    @APIResponse(responseCode = "403", description = "The `Origin` header names a site that is not allowed")
    @APIResponse(responseCode = "404", description = "Unknown, expired or already deleted session")
    public Uni<Response> delete(
            @HeaderParam("Origin") String origin,
            @Parameter(in = ParameterIn.HEADER, description = "The session to end", required = true)
                    @HeaderParam(McpHeaders.SESSION_ID)
                    String sessionId) {
        try {
            checkOrigin(origin);
            if (sessionId == null) {
                throw RequestRejectedException.sessionRequired();
            }
            return sessions.delete(sessionId)
                    .map(existed -> existed
                            ? Response.noContent().build()
                            : failure(RequestRejectedException.sessionNotFound()))
                    .onFailure()
                    .recoverWithItem(McpResource::failure);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(failure(e));
        }
    }

    @GET
    @Operation(
            summary = "Server-to-client stream (not offered)",
            description = "This server does not offer a standalone SSE stream yet; clients fall back to POST.")
    @APIResponse(responseCode = "405", description = "Method not allowed: use POST")
    public Response get(@HeaderParam("Origin") String origin) {
        try {
            checkOrigin(origin);
        } catch (TransportException e) {
            return failure(e);
        }
        Response.ResponseBuilder builder = Response.status(405)
                .header(HttpHeaders.ALLOW, "POST, DELETE")
                .type(MediaType.APPLICATION_JSON)
                .entity(error(
                        JsonRpcErrorCodes.INVALID_REQUEST,
                        "Method Not Allowed: this server offers no standalone SSE stream; send requests with POST"));
        return builder.build();
    }

    private void checkOrigin(String origin) {
        if (!origins.allows(origin)) {
            throw new TransportException(
                    403,
                    JsonRpcErrorCodes.INVALID_REQUEST,
                    "Forbidden: Origin '" + origin
                            + "' is not allowed; add it to switchboard.transport.allowed-origins");
        }
    }

    private static void checkProtocolVersion(String header) {
        if (header != null && ProtocolVersion.of(header).isEmpty()) {
            throw new TransportException(
                    400,
                    JsonRpcErrorCodes.INVALID_REQUEST,
                    "Unsupported MCP-Protocol-Version '" + header + "'; supported: "
                            + String.join(", ", ProtocolVersion.supported()));
        }
    }

    private static boolean isInitialize(JsonRpcPayload payload) {
        return !payload.batch()
                && payload.single() instanceof JsonRpcPayload.Valid valid
                && valid.message() instanceof JsonRpcRequest request
                && McpMethod.INITIALIZE.wire().equals(request.method());
    }

    private static Response toResponse(McpReply reply) {
        if (reply instanceof McpReply.Respond respond) {
            Response.ResponseBuilder builder = Response.ok(respond.body(), MediaType.APPLICATION_JSON_TYPE);
            if (respond.sessionId() != null) {
                builder.header(McpHeaders.SESSION_ID, respond.sessionId());
            }
            return builder.build();
        }
        return Response.accepted().build();
    }

    /** The one place where refusals become HTTP statuses. */
    private static Response failure(Throwable failure) {
        if (failure instanceof TransportException transport) {
            return json(transport.status(), JsonRpcResponse.failure(null, transport.error()));
        }
        if (failure instanceof JsonRpcException rpc) {
            return json(400, JsonRpcResponse.failure(null, rpc.toError()));
        }
        if (failure instanceof RequestRejectedException rejected) {
            return switch (rejected.reason()) {
                case SESSION_REQUIRED, INVALID_REQUEST ->
                    json(400, error(JsonRpcErrorCodes.INVALID_REQUEST, rejected.getMessage()));
                case SESSION_NOT_FOUND -> json(404, error(SESSION_NOT_FOUND, rejected.getMessage()));
            };
        }
        if (failure instanceof SessionStoreUnavailableException unavailable) {
            LOG.warn(unavailable.getMessage());
            return Response.status(503)
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(error(
                            JsonRpcErrorCodes.INTERNAL_ERROR,
                            "Service Unavailable: the session store cannot be reached; retry shortly"))
                    .build();
        }
        LOG.error("Unexpected failure while serving /mcp", failure);
        return json(500, error(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error; the server log has details"));
    }

    private static JsonRpcResponse error(int code, String message) {
        return JsonRpcResponse.failure(null, new JsonRpcError(code, message));
    }

    private static Response json(int status, Object body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(body)
                .build();
    }
}
