package dev.switchboard.task;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A change of a non-terminal task, applied by the store to the task as it stands (on Redis, inside a compare-and-set
 * loop, so a change computed from a stale copy is computed again).
 */
@FunctionalInterface
public interface TaskChange {

    /** The task after this change, made at {@code now}. */
    TaskRecord applyTo(TaskRecord task, Instant now);

    /** Moves the task to {@code status}, dropping any pending input requests. */
    static TaskChange to(TaskStatus status, String statusMessage) {
        Objects.requireNonNull(status, "status");
        return (task, now) -> task.changed(status, statusMessage, null, null, Map.of(), now);
    }

    /** A new status message (progress) without moving the task; a task waiting for input keeps waiting. */
    static TaskChange message(String statusMessage) {
        return (task, now) -> task.changed(task.status(), statusMessage, null, null, task.inputRequests(), now);
    }

    static TaskChange completed(String result) {
        return (task, now) -> task.changed(TaskStatus.COMPLETED, task.statusMessage(), result, null, Map.of(), now);
    }

    /**
     * 2025-11-25: a tool result with {@code isError} fails the task, and {@code tasks/result} still answers that
     * result. (2026-07-28 completes such a task instead.)
     */
    static TaskChange toolError(String result) {
        return (task, now) -> task.changed(TaskStatus.FAILED, task.statusMessage(), result, null, Map.of(), now);
    }

    static TaskChange failed(String error, String statusMessage) {
        return (task, now) -> task.changed(TaskStatus.FAILED, statusMessage, null, error, Map.of(), now);
    }

    static TaskChange failed(String error) {
        return failed(error, null);
    }

    /** The task waits for the client: {@code inputRequests} by key, each the JSON of {@code {method, params}}. */
    static TaskChange inputRequired(Map<String, String> inputRequests, String statusMessage) {
        Map<String, String> requests = Map.copyOf(inputRequests);
        return (task, now) -> task.changed(TaskStatus.INPUT_REQUIRED, statusMessage, null, null, requests, now);
    }

    /**
     * The client answered {@code keys}: they leave {@code inputRequests}; once none is left the task is working again.
     * Keys the task does not wait for change nothing.
     */
    static TaskChange answered(Set<String> keys) {
        return (task, now) -> {
            if (task.status() != TaskStatus.INPUT_REQUIRED
                    || keys.stream().noneMatch(task.inputRequests()::containsKey)) {
                return task;
            }
            Map<String, String> left = new HashMap<>(task.inputRequests());
            left.keySet().removeAll(keys);
            return left.isEmpty()
                    ? task.changed(TaskStatus.WORKING, null, null, null, Map.of(), now)
                    : task.changed(TaskStatus.INPUT_REQUIRED, task.statusMessage(), null, null, left, now);
        };
    }
}
