package dev.switchboard.task;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tasks in this process's memory (dev mode): the rules of {@link RedisTaskStore}, lost on restart, not shared. */
@Singleton
@Typed(InMemoryTaskStore.class)
public class InMemoryTaskStore implements TaskStore {

    private final Map<String, TaskRecord> tasks = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryTaskStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Void> create(TaskRecord task) {
        tasks.values().removeIf(this::expired);
        if (tasks.putIfAbsent(task.id(), task) != null) {
            return Uni.createFrom().failure(new IllegalStateException("Task id " + task.id() + " is taken"));
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<TaskRecord>> get(String owner, String id) {
        return Uni.createFrom().item(find(owner, id));
    }

    @Override
    public Uni<Optional<TaskRecord>> update(String owner, String id, TaskChange change) {
        if (find(owner, id).isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        TaskRecord after = tasks.computeIfPresent(
                id, (key, task) -> task.status().terminal() ? task : change.applyTo(task, clock.instant()));
        return Uni.createFrom().item(Optional.ofNullable(after));
    }

    @Override
    public Uni<List<TaskRecord>> list(String owner) {
        return Uni.createFrom()
                .item(tasks.values().stream()
                        .filter(task -> task.owner().equals(owner) && !expired(task))
                        .sorted(Comparator.comparing(TaskRecord::createdAt)
                                .reversed()
                                .thenComparing(TaskRecord::id))
                        .toList());
    }

    @Override
    public Uni<List<TaskRecord>> recent(int limit) {
        return Uni.createFrom()
                .item(tasks.values().stream()
                        .filter(task -> !expired(task))
                        .sorted(TaskStore.CONSOLE_ORDER)
                        .limit(limit)
                        .toList());
    }

    @Override
    public Uni<TaskCounts> counts() {
        List<TaskRecord> kept =
                tasks.values().stream().filter(task -> !expired(task)).toList();
        long running = kept.stream().filter(task -> !task.status().terminal()).count();
        return Uni.createFrom().item(new TaskCounts(running, kept.size()));
    }

    private Optional<TaskRecord> find(String owner, String id) {
        TaskRecord task = tasks.get(id);
        return task != null && task.owner().equals(owner) && !expired(task) ? Optional.of(task) : Optional.empty();
    }

    private boolean expired(TaskRecord task) {
        return !clock.instant().isBefore(task.expiresAt());
    }
}
