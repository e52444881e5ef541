package dev.switchboard.protocol.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The client's answers that a multi round-trip retry (2026-07-28) brings: those collected in earlier rounds (from the
 * verified {@code requestState}) and the new {@code inputResponses}, by input request key.
 */
public record InputAnswers(Map<String, JsonNode> byKey) {

    /** A first attempt, or a session-era request: nothing answered yet. */
    public static final InputAnswers NONE = new InputAnswers(Map.of());

    public InputAnswers {
        byKey = Map.copyOf(byKey);
    }
}
