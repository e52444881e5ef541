package dev.switchboard.upstream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * One upstream as this replica sees it, for the console.
 *
 * @param state {@code starting} (not read yet), {@code available}, or {@code unavailable} (its list could not be read
 *     lately, or its circuit breaker is open)
 * @param circuit the circuit breaker: {@code closed}, {@code open} or {@code half-open}
 * @param revision the MCP revision it is spoken to in ({@code 2026-07-28}, or a session-era one); null before
 * @param listedAt when the list served was read from the upstream (by any replica, for a last known list)
 * @param lastKnown the list served is the last known one, kept in Redis, not read from the upstream by this replica
 * @param problem why the list could not be read lately, if it could not
 * @param meanLatencyMs mean time of the calls sent to it, failures included; null before the first
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS) // the console reads null as "not yet", never a missing field
public record UpstreamStatus(
        String name,
        String url,
        String state,
        String circuit,
        String revision,
        int tools,
        int resources,
        int resourceTemplates,
        int prompts,
        Instant listedAt,
        boolean lastKnown,
        String problem,
        long calls,
        long errors,
        Double meanLatencyMs) {}
