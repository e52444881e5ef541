package dev.switchboard.api;

/**
 * The store behind {@link ToolState} or the long-term memory could not be reached or did not answer in time. The
 * call may succeed when retried; a tool that can carry on without the store catches it and says so in its result,
 * otherwise the client gets an internal error and may retry.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
