package dev.switchboard.agent;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An MCP endpoint over Streamable HTTP (a Quarkus REST Client built with its URL). */
public interface McpHttpApi {

    /** Sends one JSON-RPC message; the answer is JSON or an SSE stream (not buffered: returned as it arrives). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(
            @HeaderParam("Accept") String accept,
            @HeaderParam("Mcp-Session-Id") String sessionId,
            @HeaderParam("MCP-Protocol-Version") String protocolVersion,
            @HeaderParam("Authorization") String authorization,
            String message);

    @DELETE
    Response delete(@HeaderParam("Mcp-Session-Id") String sessionId);
}
