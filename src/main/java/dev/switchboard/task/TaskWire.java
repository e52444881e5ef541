package dev.switchboard.task;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Duration;
import java.util.Map;

/**
 * A task as each era writes it. The stored result, error and input requests are JSON text, copied into the answer
 * as they are (never parsed to be written again).
 *
 * <ul>
 *   <li>2025-11-25: {@code Task} with {@code ttl} and {@code pollInterval} (ms); results travel by {@code tasks/result}
 *   <li>2026-07-28: the flat {@code Task} with {@code ttlMs} and {@code pollIntervalMs}; the detailed form adds
 *       {@code inputRequests}, {@code result} or {@code error}, as {@code tasks/get} and {@code notifications/tasks}
 *       send it
 * </ul>
 */
public final class TaskWire {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TaskWire() {}

    /** The 2025-11-25 {@code Task}. */
    public static ObjectNode sessionEra(TaskRecord task, Duration pollInterval) {
        ObjectNode node = common(task);
        node.put("ttl", task.ttl().toMillis());
        node.put("pollInterval", pollInterval.toMillis());
        return node;
    }

    /** The 2026-07-28 {@code Task}; {@code detailed} adds what the task waits for or ended with. */
    public static ObjectNode stateless(TaskRecord task, Duration pollInterval, boolean detailed) {
        ObjectNode node = common(task);
        node.put("ttlMs", task.ttl().toMillis());
        node.put("pollIntervalMs", pollInterval.toMillis());
        if (detailed) {
            if (task.status() == TaskStatus.INPUT_REQUIRED) {
                ObjectNode requests = node.putObject("inputRequests");
                for (Map.Entry<String, String> request : task.inputRequests().entrySet()) {
                    requests.putRawValue(request.getKey(), new RawValue(request.getValue()));
                }
            } else if (task.result() != null) {
                node.putRawValue("result", new RawValue(task.result()));
            } else if (task.error() != null) {
                node.putRawValue("error", new RawValue(task.error()));
            }
        }
        return node;
    }

    private static ObjectNode common(TaskRecord task) {
        ObjectNode node = JSON.objectNode()
                .put("taskId", task.id())
                .put("status", task.status().wire());
        if (task.statusMessage() != null) {
            node.put("statusMessage", task.statusMessage());
        }
        node.put("createdAt", task.createdAt().toString());
        node.put("lastUpdatedAt", task.lastUpdatedAt().toString());
        return node;
    }
}
