package dev.switchboard.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /agent}: asks the OpenAI-compatible agent a question; it uses this server's tools through MCP. */
@Path("/agent")
@Tag(name = "Agent", description = "An LLM agent that uses MCP tools (OpenAI-compatible Chat Completions API)")
public class AgentResource {

    private final AgentLoop agent;

    public AgentResource(AgentLoop agent) {
        this.agent = agent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Ask the agent",
            description = "The agent lists the MCP server's tools, hands them to the model as functions, runs the"
                    + " calls the model asks for through MCP tools/call, and returns the model's answer with a"
                    + " transcript of the tool calls. Send the returned sessionId again to continue with the same"
                    + " MCP session (calendar, tools used).")
    @APIResponse(responseCode = "200", description = "The answer and the tool calls")
    @APIResponse(responseCode = "400", description = "No prompt")
    @APIResponse(responseCode = "404", description = "The sessionId is unknown or expired")
    @APIResponse(responseCode = "502", description = "The model endpoint or the MCP server failed or refused")
    @APIResponse(responseCode = "504", description = "The model endpoint or the MCP server did not answer in time")
    public AgentRun ask(
            @Valid @NotNull AgentRequest request,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return agent.run(request.prompt(), request.sessionId(), authorization);
    }

    /** An agent failure as its status with {@code {"error": message}}. */
    @Provider
    public static class Failures implements ExceptionMapper<AgentException> {
        @Override
        public Response toResponse(AgentException failure) {
            return Response.status(failure.status())
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", failure.getMessage()))
                    .build();
        }
    }
}
