package dev.switchboard.api;

/**
 * A request to the client (sampling, elicitation, roots) could not be answered: the client lacks the capability,
 * answered with an error, or did not answer in time. Uncaught, it becomes a tool result with {@code isError: true}.
 */
public class ClientRequestException extends ToolException {

    public ClientRequestException(String message) {
        super(message);
    }
}
