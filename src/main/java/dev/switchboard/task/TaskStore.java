package dev.switchboard.task;

import io.smallrye.mutiny.Uni;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where tasks live while they run and until their TTL ends, shared by every replica (Redis) or kept by this process
 * (dev mode). Every read and write names the owner: a task of another principal is exactly as absent as an unknown
 * or expired one. Terminal states never change.
 */
public interface TaskStore {

    /** The console's order: running tasks first, then the newest. */
    Comparator<TaskRecord> CONSOLE_ORDER = Comparator.comparing(
                    (TaskRecord task) -> task.status().terminal())
            .thenComparing(TaskRecord::createdAt, Comparator.reverseOrder())
            .thenComparing(TaskRecord::id);

    /** Stores a new task; completes only once a {@link #get} would find it (creation is durable before the answer). */
    Uni<Void> create(TaskRecord task);

    /** The owner's task, or empty when it is unknown, expired or another principal's. */
    Uni<Optional<TaskRecord>> get(String owner, String id);

    /**
     * Applies {@code change} unless the task is terminal.
     *
     * @return the task after the change; the unchanged task when the move was refused; empty when there is no such
     *     task for this owner
     */
    Uni<Optional<TaskRecord>> update(String owner, String id, TaskChange change);

    /** The owner's tasks that are still kept, newest first. */
    Uni<List<TaskRecord>> list(String owner);

    /**
     * The console's view of every owner's tasks: running ones first, then the newest, at most {@code limit}. Creating a
     * task adds one index write for it; everything else is read here.
     */
    Uni<List<TaskRecord>> recent(int limit);

    /** How many tasks are running, and kept. */
    Uni<TaskCounts> counts();
}
