package dev.switchboard.protocol.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.protocol.core.CallControl;
import dev.switchboard.protocol.core.Replicas;
import dev.switchboard.protocol.notify.ListenStreams;
import dev.switchboard.protocol.notify.ResourceSubscriptions;
import dev.switchboard.task.TaskConfig;
import dev.switchboard.task.TaskLeases;
import dev.switchboard.task.TaskRecord;
import dev.switchboard.task.TaskStore;
import dev.switchboard.task.TaskWire;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Where a task's events meet the replicas that care: the tasks running here (to cancel them, or hand them the client's
 * answers), the {@code tasks/result} calls waiting here, and the listeners held here. A change made on this replica
 * is applied here and broadcast ({@link Replicas}); a change broadcast by another replica arrives through the
 * {@code *Here} methods.
 */
@Singleton
public class TaskSignals {

    private static final Logger LOG = Logger.getLogger(TaskSignals.class);

    /** A task this replica runs. */
    record Running(String owner, CallControl control, TaskAnswers answers) {}

    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private final Replicas replicas;
    private final ListenStreams listens;
    private final TaskStore store;
    private final ResourceSubscriptions sessionStreams;
    private final Duration pollInterval;

    public TaskSignals(
            Replicas replicas,
            ListenStreams listens,
            TaskStore store,
            ResourceSubscriptions sessionStreams,
            TaskConfig config) {
        this.replicas = replicas;
        this.listens = listens;
        this.store = store;
        this.sessionStreams = sessionStreams;
        this.pollInterval = config.pollInterval();
    }

    void started(String id, Running task) {
        running.put(id, task);
    }

    void ended(String id) {
        running.remove(id);
    }

    /** The leases this replica must keep renewing. */
    List<TaskLeases.Held> runningHere() {
        List<TaskLeases.Held> held = new ArrayList<>();
        running.forEach((id, task) -> held.add(new TaskLeases.Held(task.owner(), id)));
        return held;
    }

    /**
     * The task changed here: wakes who waits for it and notifies who listens, on every replica; a session-era task's
     * session hears {@code notifications/tasks/status} on its {@code GET} stream, wherever that is connected.
     */
    void changed(TaskRecord task) {
        wake(task.id());
        listens.taskChanged(task);
        replicas.taskChanged(task.owner(), task.id());
        if (task.sessionId() != null) {
            JsonRpcNotification status =
                    new JsonRpcNotification("notifications/tasks/status", TaskWire.sessionEra(task, pollInterval));
            // Finding the session's stream waits on the store: off the caller's (possibly event-loop) thread.
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    sessionStreams.sendToSession(task.sessionId(), status);
                } catch (RuntimeException e) {
                    LOG.debugf("Task %s: status notification not sent: %s", task.id(), e.getMessage());
                }
            });
        }
    }

    /** Another replica changed a task. */
    public void changedHere(String owner, String id) {
        wake(id);
        if (listens.listensTo(id)) {
            store.get(owner, id)
                    .subscribe()
                    .with(
                            found -> found.ifPresent(listens::taskChanged),
                            failure -> LOG.debugf("Task %s changed but could not be read: %s", id, failure));
        }
    }

    /** Completes at the task's next change, here or on any replica; {@link #unwatch} it when no longer needed. */
    CompletableFuture<Void> watch(String id) {
        CompletableFuture<Void> change = new CompletableFuture<>();
        waiting.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(change);
        return change;
    }

    void unwatch(String id, CompletableFuture<Void> change) {
        waiting.computeIfPresent(id, (key, list) -> {
            list.remove(change);
            return list.isEmpty() ? null : list;
        });
    }

    /** Cancels the task's work wherever it runs. */
    void cancel(String id) {
        if (!cancelHere(id)) {
            replicas.cancelTask(id);
        }
    }

    public boolean cancelHere(String id) {
        Running task = running.get(id);
        if (task == null) {
            return false;
        }
        task.control().cancel(false);
        return true;
    }

    /** Hands the client's answers ({@code tasks/update}) to the task wherever it runs. */
    void answer(String id, JsonNode responses) {
        if (!answerHere(id, responses)) {
            replicas.answerTask(id, responses);
        }
    }

    public boolean answerHere(String id, JsonNode responses) {
        Running task = running.get(id);
        if (task == null) {
            return false;
        }
        task.answers().deliver(responses);
        return true;
    }

    private void wake(String id) {
        List<CompletableFuture<Void>> waiters = waiting.remove(id);
        if (waiters != null) {
            waiters.forEach(waiter -> waiter.complete(null));
        }
    }
}
