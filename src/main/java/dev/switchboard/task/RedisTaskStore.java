package dev.switchboard.task;

import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.RedisScript;
import dev.switchboard.redis.ReplicatedWrites;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tasks in Redis, shared by every replica.
 *
 * <ul>
 *   <li>{@code <prefix>:task:{id}}: the task as JSON, expiring when the task does ({@code PXAT}); every change is one
 *       compare-and-set script on this one key, so two replicas never lose each other's change and a terminal task
 *       never changes
 *   <li>{@code <prefix>:tasks:<owner>}: sorted set of the owner's task ids by expiry, for listing; written after the
 *       task (a task is gettable before it is listed) and pruned when read
 * </ul>
 *
 * Each key is used alone, so every command stays on one cluster slot; creating a task is two round trips (the task,
 * then its index entry), reading one is one, changing one is two (read, then compare-and-set).
 */
@ApplicationScoped
@Typed(RedisTaskStore.class)
public class RedisTaskStore implements TaskStore {

    /** Attempts of a change that keeps meeting concurrent changes; each one follows a write that succeeded. */
    private static final int MAX_ATTEMPTS = 8;

    private final RedisScript replaceScript = RedisScript.load("task-replace");
    private final RedisScript indexScript = RedisScript.load("task-index");
    private final ReactiveRedisDataSource redis;
    private final ReplicatedWrites replicated;
    private final JsonCodec json;
    private final Clock clock;
    private final String prefix;

    @Inject
    public RedisTaskStore(
            ReactiveRedisDataSource redis,
            ReplicatedWrites replicated,
            JsonCodec json,
            Clock clock,
            @ConfigProperty(name = "switchboard.sessions.redis-key-prefix") String prefix) {
        this.redis = redis;
        this.replicated = replicated;
        this.json = json;
        this.clock = clock;
        this.prefix = prefix;
    }

    @Override
    public Uni<Void> create(TaskRecord task) {
        String expiresAt = Long.toString(task.expiresAt().toEpochMilli());
        return replicated
                .command("SET", taskKey(task.id()), json.write(task), "NX", "PXAT", expiresAt)
                .invoke(reply -> {
                    if (reply == null) {
                        throw new IllegalStateException("Task id " + task.id() + " is taken");
                    }
                })
                .chain(() -> indexScript.run(redis, List.of(ownerKey(task.owner())), expiresAt, task.id()))
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<TaskRecord>> get(String owner, String id) {
        return read(id).map(found ->
                found.map(Stored::task).filter(task -> task.owner().equals(owner)));
    }

    @Override
    public Uni<Optional<TaskRecord>> update(String owner, String id, TaskChange change) {
        return update(owner, id, change, 1);
    }

    private Uni<Optional<TaskRecord>> update(String owner, String id, TaskChange change, int attempt) {
        return read(id).chain(found -> {
            if (found.isEmpty() || !found.get().task().owner().equals(owner)) {
                return Uni.createFrom().item(Optional.<TaskRecord>empty());
            }
            TaskRecord before = found.get().task();
            if (before.status().terminal()) {
                return Uni.createFrom().item(Optional.of(before));
            }
            TaskRecord after = change.applyTo(before, clock.instant());
            return replicated
                    .run(replaceScript, List.of(taskKey(id)), found.get().json(), json.write(after))
                    .chain(replaced -> {
                        if (replaced.toInteger() == 1) {
                            return Uni.createFrom().item(Optional.of(after));
                        }
                        if (attempt >= MAX_ATTEMPTS) {
                            return Uni.createFrom()
                                    .failure(new IllegalStateException(
                                            "Task " + id + " kept changing; " + attempt + " attempts to update it"));
                        }
                        return update(owner, id, change, attempt + 1);
                    });
        });
    }

    @Override
    public Uni<List<TaskRecord>> list(String owner) {
        String index = ownerKey(owner);
        return RedisScript.command(redis, "ZREMRANGEBYSCORE", index, "-inf", Long.toString(clock.millis()))
                .chain(() -> RedisScript.command(redis, "ZRANGE", index, "0", "-1"))
                .chain(ids -> {
                    List<Uni<Optional<TaskRecord>>> reads = new ArrayList<>();
                    ids.forEach(id -> reads.add(get(owner, id.toString())));
                    if (reads.isEmpty()) {
                        return Uni.createFrom().item(List.<TaskRecord>of());
                    }
                    return Uni.join()
                            .all(reads)
                            .andFailFast()
                            .map(found -> found.stream()
                                    .flatMap(Optional::stream)
                                    .sorted(Comparator.comparing(TaskRecord::createdAt)
                                            .reversed()
                                            .thenComparing(TaskRecord::id))
                                    .toList());
                });
    }

    private record Stored(String json, TaskRecord task) {}

    private Uni<Optional<Stored>> read(String id) {
        return RedisScript.command(redis, "GET", taskKey(id))
                .map(RedisTaskStore::text)
                .map(text -> text == null
                        ? Optional.empty()
                        : Optional.of(new Stored(text, json.read(text, TaskRecord.class))));
    }

    private static String text(Response reply) {
        return reply == null ? null : reply.toString();
    }

    private String taskKey(String id) {
        return prefix + ":task:{" + id + "}";
    }

    private String ownerKey(String owner) {
        return prefix + ":tasks:" + owner;
    }
}
