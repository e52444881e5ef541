package dev.switchboard.protocol.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.InputRequest;
import java.util.List;
import java.util.Map;

/**
 * Ends a 2026-07-28 call that asked the client for input it has not given yet: the call is answered with an
 * {@code input_required} result listing {@link #missing}, and the client's retry runs it again with the answers.
 * Not a failure: it carries no stack trace.
 */
public final class InputRequiredException extends RuntimeException {

    private final transient List<InputRequest> missing;
    private final transient Map<String, JsonNode> answered;

    InputRequiredException(List<InputRequest> missing, Map<String, JsonNode> answered) {
        super("input required", null, false, false);
        this.missing = List.copyOf(missing);
        this.answered = Map.copyOf(answered);
    }

    public List<InputRequest> missing() {
        return missing;
    }

    /** The answers received so far, to carry in {@code requestState} to the next round. */
    public Map<String, JsonNode> answered() {
        return answered;
    }
}
