package dev.switchboard.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The Chat Completions endpoint of an OpenAI-compatible API (a Quarkus REST Client built with its base URL). */
@Path("/chat/completions")
public interface ChatCompletionsApi {

    /** @param authorization {@code Bearer <key>}, or null to send none */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode complete(@HeaderParam("Authorization") String authorization, ObjectNode request);
}
