package dev.switchboard.session;

import dev.switchboard.api.ToolUse;
import java.util.List;
import java.util.Objects;

/**
 * A session as the console lists it.
 *
 * @param toolsUsed its tool calls, oldest first
 * @param streamReplica the replica holding one of its open streams, as the store records it; null when none is open
 *     or the store does not record it (the memory store: the streams are this process's)
 */
public record SessionSummary(Session session, List<ToolUse> toolsUsed, String streamReplica) {

    public SessionSummary {
        Objects.requireNonNull(session, "session");
        toolsUsed = List.copyOf(toolsUsed);
    }
}
