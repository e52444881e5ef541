package dev.switchboard.task;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where a task stands, with the wire names both MCP revisions use. A task starts {@link #WORKING}, may wait for the
 * client ({@link #INPUT_REQUIRED}) and back, and ends in one of the three terminal states, which never change.
 */
@RegisterForReflection // stored as JSON in Redis
public enum TaskStatus {
    WORKING("working"),
    INPUT_REQUIRED("input_required"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wire;

    TaskStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
