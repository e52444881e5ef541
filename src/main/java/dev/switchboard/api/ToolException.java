package dev.switchboard.api;

/**
 * A failure the model should read: it becomes a tool result with {@code isError: true} and this message as text, so
 * the model can correct its call or tell the user. Any other exception is logged and answered as an internal error.
 */
public class ToolException extends RuntimeException {

    public ToolException(String message) {
        super(message, null, false, false);
    }
}
