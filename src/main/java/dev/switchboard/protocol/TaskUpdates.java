package dev.switchboard.protocol;

import dev.switchboard.task.TaskChange;
import dev.switchboard.task.TaskRecord;
import dev.switchboard.task.TaskStore;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The changes one running task makes to itself: written to the store, then signalled to whoever waits or listens. */
final class TaskUpdates {

    private static final Logger LOG = Logger.getLogger(TaskUpdates.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

    private final String owner;
    private final String id;
    private final TaskStore store;
    private final TaskSignals signals;
    private String lastMessage;

    TaskUpdates(String owner, String id, TaskStore store, TaskSignals signals) {
        this.owner = owner;
        this.id = id;
        this.store = store;
        this.signals = signals;
    }

    String id() {
        return id;
    }

    /** Applies the change and waits for it (a worker thread); the task as it now stands, empty once it expired. */
    Optional<TaskRecord> change(TaskChange change) {
        return changeLater(change).await().atMost(STORE_TIMEOUT);
    }

    /** Applies the change without waiting. */
    Uni<Optional<TaskRecord>> changeLater(TaskChange change) {
        return store.update(owner, id, change).invoke(after -> after.ifPresent(signals::changed));
    }

    /** Progress as the status message: written when it says something new, without holding the tool up. */
    synchronized void statusMessage(String message) {
        if (message.equals(lastMessage)) {
            return;
        }
        lastMessage = message;
        changeLater(TaskChange.message(message))
                .subscribe()
                .with(ignored -> {}, failure -> LOG.debugf("Task %s: status message not saved: %s", id, failure));
    }
}
