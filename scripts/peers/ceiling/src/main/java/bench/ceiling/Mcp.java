package bench.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The ceiling of scripts/bench-peers.sh: what Quarkus REST with Jackson costs for a JSON-RPC exchange on /mcp, with
 * fixed answers and none of MCP's checks, sessions or dispatch. initialize answers a fixed result and a new
 * Mcp-Session-Id, notifications 202, DELETE 204; tools/list one tool; any other request the weather result.
 *
 * <p>Both methods are {@code @NonBlocking}: they run on the event loop, as Switchboard's {@code /mcp} does. A method
 * returning a plain {@code Response} would otherwise run on a worker thread, and every call would pay that thread hop,
 * which makes the "ceiling" lower than what Quarkus REST can do.
 */
@Path("/mcp")
public class Mcp {

    private static final String WEATHER = "{\"content\":[{\"type\":\"text\",\"text\":"
            + "\"{\\\"forecast\\\":\\\"Sunny\\\",\\\"temperature\\\":\\\"27°C\\\"}\"}],\"isError\":false}";
    private static final String INITIALIZE = "{\"protocolVersion\":\"%s\",\"capabilities\":{\"tools\":{}},"
            + "\"serverInfo\":{\"name\":\"ceiling\",\"version\":\"1\"}}";
    private static final String TOOLS = "{\"tools\":[{\"name\":\"weather.get\",\"description\":\"Weather of a city\","
            + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"]}}]}";

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(JsonNode request) {
        JsonNode id = request.get("id");
        if (id == null) {
            return Response.accepted().build();
        }
        String method = request.path("method").asText();
        String result;
        Response.ResponseBuilder response = Response.ok();
        switch (method) {
            case "initialize" -> {
                result = INITIALIZE.formatted(request.path("params").path("protocolVersion").asText("2025-06-18"));
                response.header("Mcp-Session-Id", UUID.randomUUID().toString());
            }
            case "tools/list" -> result = TOOLS;
            default -> result = WEATHER;
        }
        return response.entity("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}")
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @DELETE
    @NonBlocking
    public Response delete() {
        return Response.noContent().build();
    }
}
