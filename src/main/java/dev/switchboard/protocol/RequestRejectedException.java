package dev.switchboard.protocol;

/**
 * A message the server refuses as a whole, before any method runs: the transport answers it with an HTTP error
 * status (mapped in one place) and a JSON-RPC error body.
 */
public class RequestRejectedException extends RuntimeException {

    /** Why the message was refused. */
    public enum Reason {
        /** A request after {@code initialize} came without a session id. */
        SESSION_REQUIRED,
        /** The session id is unknown, expired or deleted: the client must initialize again. */
        SESSION_NOT_FOUND,
        /** The message is not acceptable in this context, e.g. a batch outside 2025-03-26. */
        INVALID_REQUEST
    }

    private final Reason reason;

    public RequestRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static RequestRejectedException sessionRequired() {
        return new RequestRejectedException(
                Reason.SESSION_REQUIRED,
                "Missing Mcp-Session-Id header: send the id returned by initialize, or call initialize first");
    }

    public static RequestRejectedException sessionNotFound() {
        return new RequestRejectedException(
                Reason.SESSION_NOT_FOUND,
                "Session not found: it expired or was deleted; start a new one with initialize");
    }
}
