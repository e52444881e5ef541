package dev.switchboard.task;

import java.util.Map;
import java.util.Objects;

/** A move of a task to {@code status}, with what the new state carries (see {@link TaskRecord}). */
public record TaskChange(
        TaskStatus status, String statusMessage, String result, String error, Map<String, String> inputRequests) {

    public TaskChange {
        Objects.requireNonNull(status, "status");
        inputRequests = inputRequests == null ? Map.of() : Map.copyOf(inputRequests);
    }

    public static TaskChange to(TaskStatus status, String statusMessage) {
        return new TaskChange(status, statusMessage, null, null, Map.of());
    }

    public static TaskChange completed(String result) {
        return new TaskChange(TaskStatus.COMPLETED, null, result, null, Map.of());
    }

    public static TaskChange failed(String error) {
        return new TaskChange(TaskStatus.FAILED, null, null, error, Map.of());
    }

    public static TaskChange inputRequired(Map<String, String> inputRequests, String statusMessage) {
        return new TaskChange(TaskStatus.INPUT_REQUIRED, statusMessage, null, null, inputRequests);
    }
}
