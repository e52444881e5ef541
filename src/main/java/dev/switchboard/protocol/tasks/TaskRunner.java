package dev.switchboard.protocol.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ToolResult;
import dev.switchboard.observability.McpMetrics;
import dev.switchboard.protocol.core.CallControl;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.ErrorResponses;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.RequestChannel;
import dev.switchboard.protocol.core.ToolFailures;
import dev.switchboard.protocol.input.CallContext;
import dev.switchboard.protocol.input.ClientRequests;
import dev.switchboard.protocol.input.InputRequiredException;
import dev.switchboard.protocol.input.RetriedInputs;
import dev.switchboard.protocol.input.SessionInputs;
import dev.switchboard.protocol.notify.ResourceSubscriptions;
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
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs tool calls as tasks ({@link TaskCall} says when a call becomes one). A task is stored, and leased, before the
 * client hears of it; the tool runs on a worker thread of this replica, and every change it makes (status message,
 * input requests, its end) is written to the store, where any replica reads it.
 */
@Singleton
public class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);
    static final String WORKING_MESSAGE = "The tool is running";

    private static final Duration OUTCOME_RETRY_FIRST = Duration.ofMillis(250);
    private static final Duration OUTCOME_RETRY_MAX = Duration.ofSeconds(2);

    private final TaskStore store;
    private final TaskLeases leases;
    private final TaskSignals signals;
    private final TaskConfig config;
    private final ClientRequests clientRequests;
    private final ResourceSubscriptions sessionStreams;
    private final McpMetrics metrics;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Vertx vertx;

    public TaskRunner(
            TaskStore store,
            TaskLeases leases,
            TaskSignals signals,
            TaskConfig config,
            ClientRequests clientRequests,
            ResourceSubscriptions sessionStreams,
            McpMetrics metrics,
            ObjectMapper mapper,
            Clock clock,
            Vertx vertx) {
        this.store = store;
        this.leases = leases;
        this.signals = signals;
        this.config = config;
        this.clientRequests = clientRequests;
        this.sessionStreams = sessionStreams;
        this.metrics = metrics;
        this.mapper = mapper;
        this.clock = clock;
        this.vertx = vertx;
    }

    /**
     * Runs the call as a task: in 2025-11-25 at once; in 2026-07-28 once it reports progress or has run for
     * {@code switchboard.tasks.detach-after} (until then it is answered like any call). Answers the created task, the
     * call's own answer, or nothing (null) when the client went away first.
     *
     * @param requestedTtl the TTL the client asked for (2025-11-25), or null for the default
     */
    public Uni<Object> start(McpRequest request, RegisteredTool tool, JsonNode arguments, Duration requestedTtl) {
        Caller caller = request.caller();
        Duration ttl = requestedTtl == null ? config.defaultTtl() : min(requestedTtl, config.maxTtl());
        String owner = caller.principal().id();
        String id = TaskIds.next();
        TaskLeases.Held held = new TaskLeases.Held(owner, id);
        CallControl control = new CallControl();
        TaskAnswers answers = new TaskAnswers();
        control.onCancel(answers::abandon);
        TaskUpdates updates = new TaskUpdates(owner, id, store, signals);
        RequestChannel channel = caller.stateless()
                ? RequestChannel.NONE
                : new TaskStreamChannel(sessionStreams, caller.sessionId(), id);
        SessionInputs asking = caller.stateless() ? null : new SessionInputs(clientRequests, channel, control, mapper);
        TaskInputs inTask = new TaskInputs(updates, answers, asking, mapper);
        CompletableFuture<Object> answer = new CompletableFuture<>();
        Function<String, TaskRecord> create = message -> {
            TaskRecord task = TaskRecord.started(
                    id,
                    owner,
                    caller.protocolVersion(),
                    caller.sessionId(),
                    message,
                    clock.instant(),
                    ttl,
                    tool.name());
            try {
                persist(task, held).await().atMost(STORE_TIMEOUT);
            } catch (RuntimeException e) {
                control.cancel(false);
                answer.completeExceptionally(e);
                throw e;
            }
            signals.started(id, new TaskSignals.Running(owner, control, answers));
            answer.complete(created(task, caller));
            return task;
        };
        if (!caller.stateless()) {
            TaskCall call = new TaskCall(updates, null, null, inTask); // a task from the start: nothing to create later
            TaskRecord task = TaskRecord.started(
                    id,
                    owner,
                    caller.protocolVersion(),
                    caller.sessionId(),
                    WORKING_MESSAGE,
                    clock.instant(),
                    ttl,
                    tool.name());
            return persist(task, held).map(stored -> {
                signals.started(id, new TaskSignals.Running(owner, control, answers));
                call.createdAs(task);
                run(call, control, request, tool, arguments, channel, held, answer);
                return created(task, caller);
            });
        }
        TaskCall call = new TaskCall(updates, create, new RetriedInputs(request.retry()), inTask);
        // Until it is a task, the call is the request's: closing the request's stream cancels it.
        request.channel().onClientGone(() -> {
            if (call.onRequest()) {
                control.cancel(true);
            }
        });
        long timer = vertx.setTimer(
                config.detachAfter().toMillis(),
                fired -> Infrastructure.getDefaultWorkerPool().execute(() -> call.becomeTask(WORKING_MESSAGE)));
        control.onCancel(() -> vertx.cancelTimer(timer));
        run(call, control, request, tool, arguments, channel, held, answer);
        return Uni.createFrom().completionStage(answer).eventually(() -> vertx.cancelTimer(timer));
    }

    /** Leased first, so a task is never stored without a lease that lets another replica end it. */
    private Uni<Void> persist(TaskRecord task, TaskLeases.Held held) {
        return leases.hold(held, clock.instant().plus(config.lease())).chain(() -> store.create(task));
    }

    private Object created(TaskRecord task, Caller caller) {
        if (caller.stateless()) {
            return TaskWire.stateless(task, config.pollInterval(), false).put("resultType", "task");
        }
        ObjectNode result = mapper.createObjectNode();
        result.set("task", TaskWire.sessionEra(task, config.pollInterval()));
        return result;
    }

    private void run(
            TaskCall call,
            CallControl control,
            McpRequest request,
            RegisteredTool tool,
            JsonNode arguments,
            RequestChannel channel,
            TaskLeases.Held held,
            CompletableFuture<Object> answer) {
        Caller caller = request.caller();
        CallContext context = new CallContext(
                caller,
                tool.name(),
                CallContext.progressToken(request.message()),
                channel,
                control,
                call.inputs(),
                mapper,
                call::progressed);
        Duration timeout = tool.timeout().orElse(config.timeout());
        McpMetrics.ToolMeters meters = metrics.tool(tool.name());
        long start = System.nanoTime();
        control.onWorker(() -> tool.invoke(arguments, context), tool.name(), timeout)
                .onItemOrFailure()
                .transformToUni((result, failure) -> {
                    meters.record(
                            System.nanoTime() - start,
                            (failure != null && !(failure instanceof InputRequiredException))
                                    || (result != null && result.isError()));
                    if (call.answerDirectly()) {
                        answerDirectly(answer, control, caller, result, failure);
                        return Uni.createFrom().voidItem();
                    }
                    TaskChange outcome = outcome(request, result, failure);
                    return Uni.createFrom()
                            .completionStage(call.created())
                            .chain(task -> storeOutcome(call, outcome))
                            .onItem()
                            .transform(stored -> true)
                            .onFailure()
                            .recoverWithItem(unstored -> {
                                // Still down after the retries: the lease is kept, runs out, and a replica fails the
                                // task; released, the task would stay working until its TTL.
                                LOG.warnf("Task %s ended but its outcome was not stored: %s", held.id(), unstored);
                                return false;
                            })
                            .call(stored -> {
                                signals.ended(held.id());
                                return stored
                                        ? leases.release(held).onFailure().recoverWithNull()
                                        : Uni.createFrom().voidItem();
                            })
                            .replaceWithVoid();
                })
                .subscribe()
                .with(ignored -> {}, failure -> LOG.errorf(failure, "Task %s could not finish", held.id()));
    }

    /**
     * Stores a task's outcome, retried with back-off through a Redis failover (about 10 s): the lease is renewed
     * meanwhile, and a client polling the task would otherwise see it fail although the tool completed.
     */
    private Uni<?> storeOutcome(TaskCall call, TaskChange outcome) {
        return call.updates()
                .changeLater(outcome)
                .onFailure()
                .retry()
                .withBackOff(OUTCOME_RETRY_FIRST, OUTCOME_RETRY_MAX)
                .expireIn(config.lease().toMillis() * 2);
    }

    /** A call that ended before it became a task is answered as any call. */
    private static void answerDirectly(
            CompletableFuture<Object> answer,
            CallControl control,
            Caller caller,
            ToolResult result,
            Throwable failure) {
        if (control.cancelledByClient()) {
            answer.complete(null);
        } else if (failure == null) {
            answer.complete(result);
        } else {
            ToolResult error = ToolFailures.asToolError(failure, caller);
            if (error != null) {
                answer.complete(error);
            } else {
                answer.completeExceptionally(failure);
            }
        }
    }

    /** How the call ended, as the revision that created the task records it. */
    private TaskChange outcome(McpRequest request, ToolResult result, Throwable failure) {
        if (failure != null) {
            result = ToolFailures.asToolError(failure, request.caller());
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
