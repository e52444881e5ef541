package dev.switchboard.agent;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A question for the agent, optionally continuing an earlier run's MCP session. */
@RegisterForReflection
public record AgentRequest(
        @Schema(description = "What to ask", example = "What's the weather in Paris?") @NotBlank @Size(max = 10000)
        String prompt,

        @Schema(description = "The sessionId of an earlier run, to keep its state (calendar, tools used)")
        String sessionId) {}
