package dev.switchboard.api;

/**
 * Whether a tool may run as an MCP task: answered at once with a task id, while the work goes on and the client polls
 * for its status and result ({@code tasks/get}) from any replica. The same tool code serves task and plain calls.
 */
public enum TaskSupport {
    /** Always answered in the call's own response (the default). */
    FORBIDDEN("forbidden"),
    /** Runs as a task when the client can take one, otherwise in the call's own response. */
    OPTIONAL("optional"),
    /** Only runs as a task: a client that cannot take one is refused. */
    REQUIRED("required");

    private final String wire;

    TaskSupport(String wire) {
        this.wire = wire;
    }

    /** The name in {@code execution.taskSupport} of {@code tools/list}. */
    public String wire() {
        return wire;
    }
}
