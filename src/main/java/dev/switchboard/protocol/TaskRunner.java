package dev.switchboard.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ToolResult;
import dev.switchboard.observability.McpMetrics;
import dev.switchboard.registry.RegisteredTool;
import dev.switchboard.task.TaskChange;
import dev.switchboard.task.TaskConfig;
import dev.switchboard.task.TaskIds;
import dev.switchboard.task.TaskLeases;
import dev.switchboard.task.TaskRecord;
import dev.switchboard.task.TaskStore;
import dev.switchboard.task.TaskWire;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs a tool call as a task: the task is stored (and leased) before the client hears of it, the tool runs on a worker
 * thread of this replica, and every change it makes (progress as the status message, input requests, its end) is
 * written to the store, where any replica reads it.
 */
@ApplicationScoped
public class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class);
    static final String WORKING_MESSAGE = "The tool is running";

    private final TaskStore store;
    private final TaskLeases leases;
    private final TaskSignals signals;
    private final TaskConfig config;
    private final ClientRequests clientRequests;
    private final ResourceSubscriptions sessionStreams;
    private final McpMetrics metrics;
    private final ObjectMapper mapper;
    private final Clock clock;

    public TaskRunner(
            TaskStore store,
            TaskLeases leases,
            TaskSignals signals,
            TaskConfig config,
            ClientRequests clientRequests,
            ResourceSubscriptions sessionStreams,
            McpMetrics metrics,
            ObjectMapper mapper,
            Clock clock) {
        this.store = store;
        this.leases = leases;
        this.signals = signals;
        this.config = config;
        this.clientRequests = clientRequests;
        this.sessionStreams = sessionStreams;
        this.metrics = metrics;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Creates the task, starts the tool and answers with the task as the request's revision writes a created one.
     *
     * @param requestedTtl the TTL the client asked for (2025-11-25), or null for the default
     */
    Uni<Object> start(McpRequest request, RegisteredTool tool, JsonNode arguments, Duration requestedTtl) {
        Caller caller = request.caller();
        Duration ttl = requestedTtl == null ? config.defaultTtl() : min(requestedTtl, config.maxTtl());
        TaskRecord task = TaskRecord.started(
                TaskIds.next(),
                caller.principal().id(),
                caller.protocolVersion(),
                caller.sessionId(),
                WORKING_MESSAGE,
                clock.instant(),
                ttl);
        TaskLeases.Held held = new TaskLeases.Held(task.owner(), task.id());
        // Leased first, so a task is never stored without a lease that lets another replica end it.
        return leases.renew(List.of(held), clock.instant().plus(config.lease()))
                .chain(() -> store.create(task))
                .map(created -> {
                    run(task, held, request, tool, arguments);
                    return created(task, caller);
                });
    }

    private Object created(TaskRecord task, Caller caller) {
        if (caller.stateless()) {
            return TaskWire.stateless(task, config.pollInterval(), false).put("resultType", "task");
        }
        ObjectNode result = mapper.createObjectNode();
        result.set("task", TaskWire.sessionEra(task, config.pollInterval()));
        return result;
    }

    private void run(TaskRecord task, TaskLeases.Held held, McpRequest request, RegisteredTool tool, JsonNode args) {
        Caller caller = request.caller();
        CallControl control = new CallControl();
        TaskAnswers answers = new TaskAnswers();
        TaskUpdates updates = new TaskUpdates(task.owner(), task.id(), store, signals);
        RequestChannel channel = caller.stateless()
                ? RequestChannel.NONE
                : new TaskStreamChannel(sessionStreams, caller.sessionId(), task.id());
        SessionInputs asking = caller.stateless() ? null : new SessionInputs(clientRequests, channel, control, mapper);
        CallContext context = new CallContext(
                caller,
                tool.name(),
                ToolsHandler.progressToken(request.message()),
                channel,
                control,
                new TaskInputs(updates, answers, asking, mapper),
                mapper,
                updates::statusMessage);
        control.onCancel(answers::abandon);
        signals.started(task.id(), new TaskSignals.Running(task.owner(), control, answers));
        Duration timeout = tool.timeout().orElse(config.timeout());
        McpMetrics.ToolMeters meters = metrics.tool(tool.name());
        long start = System.nanoTime();
        Uni.createFrom()
                .item(() -> {
                    control.runningOn(Thread.currentThread());
                    try {
                        return tool.invoke(args, context);
                    } finally {
                        control.finished();
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem()
                .after(timeout)
                .failWith(() -> {
                    control.cancel(false);
                    return new ToolTimeoutException(tool.name(), timeout);
                })
                .onItemOrFailure()
                .transformToUni((result, failure) -> {
                    TaskChange outcome = outcome(request, result, failure);
                    meters.record(System.nanoTime() - start, failure != null || result.isError());
                    return updates.changeLater(outcome);
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    // The store is down: the lease runs out and another replica (or this one) fails the task.
                    LOG.warnf("Task %s ended but its outcome could not be stored: %s", task.id(), failure.getMessage());
                    return null;
                })
                .call(() -> {
                    signals.ended(task.id());
                    return leases.release(held).onFailure().recoverWithNull();
                })
                .subscribe()
                .with(ignored -> {}, failure -> LOG.errorf(failure, "Task %s could not finish", task.id()));
    }

    /** How the call ended, as the revision that created the task records it. */
    private TaskChange outcome(McpRequest request, ToolResult result, Throwable failure) {
        if (failure != null) {
            result = ToolsHandler.asToolError(failure, request.caller());
            if (result == null) {
                return TaskChange.failed(
                        write(ErrorResponses.of(request.message(), failure).error()), "The tool failed");
            }
        }
        String json = write(result);
        // A tool's own error fails a 2025-11-25 task; 2026-07-28 completes it, the result saying isError.
        return result.isError() && !request.caller().stateless()
                ? TaskChange.toolError(json)
                : TaskChange.completed(json);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A task outcome cannot be written as JSON", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
