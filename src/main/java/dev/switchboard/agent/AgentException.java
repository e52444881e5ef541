package dev.switchboard.agent;

/** An agent run that could not go on: the status to answer and a message the caller can act on. */
public class AgentException extends RuntimeException {

    private final int status;

    public AgentException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
