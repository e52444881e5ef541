package dev.switchboard.protocol.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.EmptyResult;
import dev.switchboard.protocol.core.Era;
import dev.switchboard.protocol.core.McpMethod;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.MetaKeys;
import dev.switchboard.protocol.core.Pagination;
import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.protocol.core.ServerCapabilities;
import dev.switchboard.task.TaskChange;
import dev.switchboard.task.TaskConfig;
import dev.switchboard.task.TaskRecord;
import dev.switchboard.task.TaskStatus;
import dev.switchboard.task.TaskStore;
import dev.switchboard.task.TaskWire;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code tasks/*} methods, on any replica: every answer is read from the task store, and a change (cancel,
 * answers) reaches the replica running the task through {@link TaskSignals}. Each revision has its own set:
 *
 * <ul>
 *   <li>2025-11-25: {@code tasks/get}, {@code tasks/result} (waits until the task ends), {@code tasks/list},
 *       {@code tasks/cancel} (answers the cancelled task; a task already ended is {@code -32602})
 *   <li>2026-07-28 (extension {@code io.modelcontextprotocol/tasks}, declared on every request, else -32021):
 *       {@code tasks/get} (the detailed task), {@code tasks/update} and {@code tasks/cancel} (empty acks); the
 *       others are {@code -32601}
 * </ul>
 *
 * A task of another principal is exactly as unknown as an expired one: {@code -32602}.
 */
@Singleton
public class TasksHandler {

    private static final String CANCELLED = "The task was cancelled by request";

    private final TaskStore store;
    private final TaskSignals signals;
    private final ObjectMapper mapper;
    private final Duration pollInterval;
    private final Duration recheck;
    private final int pageSize;

    public TasksHandler(
            TaskStore store,
            TaskSignals signals,
            ObjectMapper mapper,
            TaskConfig config,
            SwitchboardConfig switchboard) {
        this.store = store;
        this.signals = signals;
        this.mapper = mapper;
        this.pollInterval = config.pollInterval();
        this.recheck = config.lease();
        this.pageSize = switchboard.tools().pageSize();
    }

    public Uni<?> serve(McpMethod method, McpRequest request) {
        Caller caller = request.caller();
        boolean stateless = caller.stateless();
        boolean served = stateless
                ? method == McpMethod.TASKS_GET || method == McpMethod.TASKS_UPDATE || method == McpMethod.TASKS_CANCEL
                : method != McpMethod.TASKS_UPDATE && servesTasks(caller);
        if (!served) {
            throw new JsonRpcException(
                    JsonRpcErrorCodes.METHOD_NOT_FOUND,
                    "Method not found: " + method.wire() + " is not part of the tasks of protocol revision "
                            + caller.protocolVersion());
        }
        if (stateless && !caller.declaresExtension(ServerCapabilities.TASKS_EXTENSION)) {
            throw RequestRejectedException.missingTasksExtension(
                    request.message().id(), method.wire() + " belongs to the tasks extension");
        }
        if (method == McpMethod.TASKS_LIST) {
            return list(request);
        }
        String id = taskId(request);
        String owner = caller.principal().id();
        return switch (method) {
            case TASKS_GET ->
                find(owner, id)
                        .map(task -> stateless
                                ? TaskWire.stateless(task, pollInterval, true)
                                : TaskWire.sessionEra(task, pollInterval));
            case TASKS_UPDATE -> update(request, owner, id);
            case TASKS_CANCEL -> cancel(owner, id, stateless);
            case TASKS_RESULT -> result(owner, id);
            default -> throw new IllegalArgumentException(method.wire());
        };
    }

    private static boolean servesTasks(Caller caller) {
        return ProtocolVersion.of(caller.protocolVersion())
                .map(ProtocolVersion::hasTasks)
                .orElse(false);
    }

    private Uni<Object> update(McpRequest request, String owner, String id) {
        JsonNode responses = request.message().param("inputResponses");
        if (!responses.isObject()) {
            throw JsonRpcException.invalidParams(
                    "tasks/update needs params.inputResponses, an object of answers keyed like the task's inputRequests");
        }
        Set<String> keys = new HashSet<>();
        responses.fieldNames().forEachRemaining(keys::add);
        // The answered requests leave the task first, so a tasks/get after the ack no longer lists them.
        return store.update(owner, id, TaskChange.answered(keys)).map(after -> {
            TaskRecord task = after.orElseThrow(TasksHandler::notFound);
            if (!task.status().terminal()) {
                signals.changed(task);
                signals.answer(id, responses);
            }
            return EmptyResult.INSTANCE;
        });
    }

    private Uni<Object> cancel(String owner, String id, boolean stateless) {
        return find(owner, id).chain(task -> {
            if (task.status().terminal()) {
                if (stateless) {
                    return Uni.createFrom().item(EmptyResult.INSTANCE); // cancelling again is a no-op
                }
                throw JsonRpcException.invalidParams("Cannot cancel task: already in terminal status '"
                        + task.status().wire() + "'");
            }
            // Cancelled in the store first, so the tool's own ending, racing it, cannot undo it.
            return store.update(owner, id, TaskChange.to(TaskStatus.CANCELLED, CANCELLED))
                    .map(after -> {
                        TaskRecord cancelled = after.orElseThrow(TasksHandler::notFound);
                        signals.cancel(id);
                        signals.changed(cancelled);
                        return stateless ? EmptyResult.INSTANCE : TaskWire.sessionEra(cancelled, pollInterval);
                    });
        });
    }

    /** 2025-11-25: waits, without polling, until the task ends, then answers what the call would have answered. */
    private Uni<Object> result(String owner, String id) {
        // Watching before reading: a change between the read and the wait still wakes it.
        CompletableFuture<Void> change = signals.watch(id);
        return find(owner, id)
                .onFailure()
                .invoke(() -> signals.unwatch(id, change))
                .chain(task -> {
                    if (!task.status().terminal()) {
                        // A change wakes it; a broadcast lost with a Redis connection only delays it by one recheck.
                        return Uni.createFrom()
                                .completionStage(change)
                                .ifNoItem()
                                .after(recheck)
                                .recoverWithItem((Void) null)
                                .eventually(() -> signals.unwatch(id, change))
                                .chain(() -> result(owner, id));
                    }
                    signals.unwatch(id, change);
                    return Uni.createFrom().item(outcome(task));
                });
    }

    /** What the task's call would have answered: its result (tied to the task), or its error. */
    private Object outcome(TaskRecord task) {
        if (task.error() != null) {
            JsonNode error = read(task.error());
            throw new JsonRpcException(
                    error.path("code").asInt(JsonRpcErrorCodes.INTERNAL_ERROR),
                    error.path("message").asText("Internal error"),
                    error.get("data"));
        }
        if (task.result() == null) {
            throw new JsonRpcException(
                    JsonRpcErrorCodes.INTERNAL_ERROR,
                    "Task " + task.id() + " was " + task.status().wire() + ": it has no result");
        }
        ObjectNode result = (ObjectNode) read(task.result());
        result.withObject("/_meta").putObject(MetaKeys.RELATED_TASK).put("taskId", task.id());
        return result;
    }

    private Uni<Object> list(McpRequest request) {
        String owner = request.caller().principal().id();
        String cursor = Pagination.cursor(request.message());
        return store.list(owner).map(tasks -> {
            List<ObjectNode> wire = tasks.stream()
                    // 2026-07-28 tasks have no tasks/list; they are not listed to session-era clients either.
                    .filter(task -> ProtocolVersion.of(task.protocolVersion())
                            .map(version -> version.era() == Era.SESSION)
                            .orElse(false))
                    .map(task -> TaskWire.sessionEra(task, pollInterval))
                    .toList();
            Pagination.Page<ObjectNode> page = Pagination.page(wire, cursor, pageSize);
            ObjectNode result = mapper.createObjectNode();
            result.putArray("tasks").addAll(page.items());
            if (page.nextCursor() != null) {
                result.put("nextCursor", page.nextCursor());
            }
            return result;
        });
    }

    private Uni<TaskRecord> find(String owner, String id) {
        return store.get(owner, id).map(found -> found.orElseThrow(TasksHandler::notFound));
    }

    private static String taskId(McpRequest request) {
        JsonNode id = request.message().param("taskId");
        if (!id.isTextual()) {
            throw JsonRpcException.invalidParams(
                    request.message().method() + " needs params.taskId, the id the task-creating tools/call returned");
        }
        return id.textValue();
    }

    private static JsonRpcException notFound() {
        return JsonRpcException.invalidParams(
                "Failed to retrieve task: Task not found (unknown, or expired with its TTL)");
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored task outcome is not JSON", e);
        }
    }
}
