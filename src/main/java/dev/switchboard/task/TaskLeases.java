package dev.switchboard.task;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Leases of running tasks, so a task whose replica died does not stay {@code working} forever: the replica running a
 * task renews its lease while it runs, and any replica may take over the tasks whose lease ran out.
 */
public interface TaskLeases {

    /** A running task, named as the store names it. */
    record Held(String owner, String id) {}

    /** No leases: tasks kept in this process's memory end with it. */
    TaskLeases NONE = new TaskLeases() {
        @Override
        public Uni<Void> hold(Held task, Instant until) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> renew(Collection<Held> tasks, Instant until) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> release(Held task) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<List<Held>> expired(Instant now) {
            return Uni.createFrom().item(List.of());
        }

        @Override
        public Uni<Boolean> takeOver(Held task) {
            return Uni.createFrom().item(false);
        }
    };

    /** Takes the lease of a new task, until {@code until}. */
    Uni<Void> hold(Held task, Instant until);

    /**
     * Extends the leases of {@code tasks} that are still held to {@code until}; a lease released meanwhile (its task
     * ended) stays released.
     */
    Uni<Void> renew(Collection<Held> tasks, Instant until);

    /** The task ended here: nobody needs to take it over. */
    Uni<Void> release(Held task);

    /** Tasks whose lease ran out before {@code now}: their replica stopped renewing. */
    Uni<List<Held>> expired(Instant now);

    /** Claims an expired lease; true for exactly one of the replicas that try. */
    Uni<Boolean> takeOver(Held task);
}
