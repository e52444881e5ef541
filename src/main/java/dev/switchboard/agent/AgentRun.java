package dev.switchboard.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an agent run did: its answer, how it ended, the MCP session it used, and each tool call.
 *
 * @param answer the model's final answer, or null when it ran out of steps
 * @param stopReason {@code answer}, or {@code max_steps} when the step limit ended it
 * @param sessionId the MCP session, to send again for a follow-up that shares its state (calendar, history)
 * @param modelTurns how many times the model was asked
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentRun(String answer, String stopReason, String sessionId, int modelTurns, List<Step> steps) {

    /** One tool call the model asked for, as it went through MCP. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            @Schema(description = "The model turn that asked for the call, from 1")
            int turn,

            @Schema(description = "The MCP tool") String tool,

            @Schema(description = "The arguments the model gave")
            JsonNode arguments,

            @Schema(description = "What the tool answered, as the model read it")
            String result,

            @Schema(description = "True when the tool reported an error")
            boolean isError,

            @Schema(description = "How long the call took") long durationMillis) {}
}
