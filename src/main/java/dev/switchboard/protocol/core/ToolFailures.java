package dev.switchboard.protocol.core;

import dev.switchboard.api.MissingClientCapabilityException;
import dev.switchboard.api.StoreUnavailableException;
import dev.switchboard.api.ToolResult;
import org.jboss.logging.Logger;

/** Which failures of a tool call the model reads as the tool's error result, for direct calls and tasks alike. */
public final class ToolFailures {

    private static final Logger LOG = Logger.getLogger(ToolFailures.class);

    private ToolFailures() {}

    /**
     * A failure the model should read as the tool's error result, or null for one that is the protocol's: a timeout,
     * a capability the session-era client lacks (2026-07-28 answers -32021), or an unreachable store.
     */
    public static ToolResult asToolError(Throwable failure, Caller caller) {
        if (failure instanceof ToolTimeoutException) {
            return ToolResult.error(failure.getMessage());
        }
        if (failure instanceof MissingClientCapabilityException && !caller.stateless()) {
            return ToolResult.error(failure.getMessage());
        }
        // A tool's state (calendar, workspace) is in the session store: when it is down, say so to the model.
        if (failure instanceof StoreUnavailableException || failure instanceof io.smallrye.mutiny.TimeoutException) {
            LOG.warnf("A tool could not reach the session store: %s", failure.getMessage());
            return ToolResult.error("The state this tool keeps (session, workspace, calendar) cannot be"
                    + " reached right now; retry in a moment");
        }
        return null;
    }
}
