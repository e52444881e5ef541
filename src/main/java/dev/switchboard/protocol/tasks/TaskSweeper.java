package dev.switchboard.protocol.tasks;

import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.protocol.core.Replicas;
import dev.switchboard.task.TaskChange;
import dev.switchboard.task.TaskConfig;
import dev.switchboard.task.TaskLeases;
import dev.switchboard.task.TaskRecord;
import dev.switchboard.task.TaskStatus;
import dev.switchboard.task.TaskStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps the tasks of dead replicas from staying {@code working} forever. Every third of {@code switchboard.tasks.lease}
 * each replica renews the leases of the tasks it runs, then takes over the leases that ran out: their replica stopped
 * (crash, {@code kill -9}, lost network), so the task is failed with a message saying so. A task is failed within
 * {@code lease + lease / 3} of its replica's death (20 s by default). Only with the Redis store: tasks kept in memory
 * end with their process.
 */
@Singleton
public class TaskSweeper {

    private static final Logger LOG = Logger.getLogger(TaskSweeper.class);

    /** What a task whose replica died ends with. */
    static final String RESTARTED =
            "The server running this task stopped or restarted before it finished; run the" + " tool again";

    private final TaskSignals signals;
    private final TaskLeases leases;
    private final TaskStore store;
    private final Clock clock;
    private final Duration lease;
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(5);

    private final String failure;
    private Vertx vertx;
    private long timer = -1;

    public TaskSweeper(
            TaskSignals signals, TaskLeases leases, TaskStore store, Clock clock, TaskConfig config, JsonCodec json) {
        this.signals = signals;
        this.leases = leases;
        this.store = store;
        this.clock = clock;
        this.lease = config.lease();
        this.failure = json.write(new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, RESTARTED).toError());
    }

    void onStart(@Observes StartupEvent event, Replicas replicas, Vertx vertx) {
        if (!replicas.alone()) {
            this.vertx = vertx;
            timer = vertx.setPeriodic(Math.max(1, lease.toMillis() / 3), id -> sweep());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        failRunning();
    }

    /**
     * A graceful stop (SIGTERM) ends the tasks running here at once, failed with the restart message, rather than
     * leaving them {@code working} until their leases run out: failed in the store first, then their tools stopped,
     * then their leases released.
     */
    void failRunning() {
        List<TaskLeases.Held> running = signals.runningHere();
        if (running.isEmpty()) {
            return;
        }
        LOG.infof("Shutting down: failing the %d task(s) running here", running.size());
        try {
            Uni.join()
                    .all(running.stream()
                            .map(held -> store.update(held.owner(), held.id(), TaskChange.failed(failure, RESTARTED))
                                    .invoke(after -> {
                                        signals.cancelHere(held.id());
                                        after.filter(this::failedHere).ifPresent(signals::changed);
                                    })
                                    .call(() -> leases.release(held)))
                            .toList())
                    .andCollectFailures()
                    .await()
                    .atMost(SHUTDOWN_LIMIT);
        } catch (RuntimeException e) {
            LOG.warnf("Tasks running here were not all failed on shutdown (their leases will run out): %s", e);
        }
    }

    private boolean failedHere(TaskRecord task) {
        return task.status() == TaskStatus.FAILED && failure.equals(task.error());
    }

    /** Renews this replica's leases, then fails the tasks whose lease ran out. */
    public void sweep() {
        leases.renew(signals.runningHere(), clock.instant().plus(lease))
                .chain(() -> leases.expired(clock.instant()))
                .onItem()
                .transformToMulti(expired -> Multi.createFrom().iterable(expired))
                .onItem()
                .transformToUniAndConcatenate(held -> leases.takeOver(held)
                        .chain(won -> won
                                ? store.update(held.owner(), held.id(), TaskChange.failed(failure, RESTARTED))
                                : Uni.createFrom().item(Optional.<TaskRecord>empty()))
                        // The store answers a task that had already ended (cancelled while its replica was down)
                        // as it stands: only a task this sweep failed is reported and signalled.
                        .invoke(after -> after.filter(this::failedHere).ifPresent(task -> {
                            LOG.infof("Task %s failed: the replica running it stopped renewing its lease", task.id());
                            signals.changed(task);
                        })))
                .collect()
                .last()
                .subscribe()
                .with(ignored -> {}, unreachable -> LOG.debugf("Task leases not swept: %s", unreachable.getMessage()));
    }
}
