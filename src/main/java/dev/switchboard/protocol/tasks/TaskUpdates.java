package dev.switchboard.protocol.tasks;

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
    static final Duration MESSAGE_INTERVAL = Duration.ofMillis(200);

    private final String owner;
    private final String id;
    private final TaskStore store;
    private final TaskSignals signals;
    private String lastMessage;
    private String pendingMessage;
    private boolean writing;

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

    /**
     * Progress as the status message, without holding the tool up: written when it says something new, one write at
     * a time and at most one per {@link #MESSAGE_INTERVAL}. Messages that arrive meanwhile are coalesced into the
     * latest, so a tool reporting progress in a tight loop costs the store a few writes a second, not one per call.
     */
    synchronized void statusMessage(String message) {
        if (message.equals(lastMessage) || message.equals(pendingMessage)) {
            return;
        }
        if (writing) {
            pendingMessage = message;
            return;
        }
        writeMessage(message);
    }

    private synchronized void writeMessage(String message) {
        writing = true;
        lastMessage = message;
        pendingMessage = null;
        changeLater(TaskChange.message(message))
                .onFailure()
                .invoke(failure -> LOG.debugf("Task %s: status message not saved: %s", id, failure))
                .onFailure()
                .recoverWithNull()
                .onItem()
                .delayIt()
                .by(MESSAGE_INTERVAL)
                .subscribe()
                .with(ignored -> messageWritten());
    }

    private synchronized void messageWritten() {
        writing = false;
        if (pendingMessage != null) {
            writeMessage(pendingMessage);
        }
    }
}
