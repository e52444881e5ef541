package dev.switchboard.task;

import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.FleetIndex;
import dev.switchboard.redis.FleetIndexWriter;
import dev.switchboard.redis.FleetIndexes;
import dev.switchboard.redis.RedisScript;
import dev.switchboard.redis.ReplicatedWrites;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 *   <li>{@code <prefix>:fleet:tasks}: sorted set of task ids by creation time (epoch ms), for the console; written
 *       beside the owner's index ({@link FleetIndex}: the newest 10,000), and pruned when the console reads it (a member
 *       whose task has expired is removed, among those listed and, at most once a minute, among as many of the oldest)
 * </ul>
 *
 * Each key is used alone, so every command stays on one cluster slot; creating a task is two round trips (the task,
 * then its index entry), reading one is one, changing one is two (read, then compare-and-set).
 */
@Singleton
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
    private final String fleetKey;
    private final FleetIndexWriter fleet;
    private final String leasesKey;
    private final FleetIndex.SweepPace sweeps = new FleetIndex.SweepPace();

    @Inject
    public RedisTaskStore(
            ReactiveRedisDataSource redis,
            ReplicatedWrites replicated,
            FleetIndexes indexes,
            JsonCodec json,
            Clock clock,
            @ConfigProperty(name = "switchboard.sessions.redis-key-prefix") String prefix) {
        this.redis = redis;
        this.replicated = replicated;
        this.json = json;
        this.clock = clock;
        this.prefix = prefix;
        this.fleetKey = prefix + ":fleet:tasks";
        this.fleet = indexes.writer(fleetKey);
        this.leasesKey = prefix + ":task-leases";
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
                // The console's fleet index is another slot, written in batches.
                .invoke(() -> fleet.add(task.id(), task.createdAt().toEpochMilli()))
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

    @Override
    public Uni<List<TaskRecord>> recent(int limit) {
        String last = Integer.toString(limit - 1);
        return fleet.flush()
                .chain(() -> Uni.combine()
                        .all()
                        .unis(
                                RedisScript.command(redis, "ZRANGE", leasesKey, "0", last),
                                RedisScript.command(redis, "ZRANGE", fleetKey, "0", last, "REV"))
                        .asTuple())
                .chain(found -> {
                    Set<String> ids = new LinkedHashSet<>();
                    // Lease members are "<id> <owner>"; task ids are hex.
                    found.getItem1().forEach(member -> ids.add(member.toString().split(" ", 2)[0]));
                    found.getItem2().forEach(id -> ids.add(id.toString()));
                    return readAll(List.copyOf(ids));
                })
                .map(tasks -> tasks.stream().sorted(CONSOLE_ORDER).limit(limit).toList())
                .call(() -> sweeps.due() ? sweepOldest(limit) : Uni.createFrom().voidItem());
    }

    @Override
    public Uni<TaskCounts> counts() {
        return fleet.flush()
                .chain(() -> Uni.combine()
                        .all()
                        .unis(
                                RedisScript.command(redis, "ZCARD", leasesKey),
                                RedisScript.command(redis, "ZCARD", fleetKey))
                        .with((running, kept) -> new TaskCounts(running.toLong(), kept.toLong())));
    }

    /** The tasks of any owner still kept; the fleet index forgets the others. */
    private Uni<List<TaskRecord>> readAll(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Optional<Stored>>> reads = new ArrayList<>(ids.size());
        ids.forEach(id -> reads.add(read(id)));
        return Uni.join().all(reads).andFailFast().chain(found -> {
            List<TaskRecord> kept = new ArrayList<>(found.size());
            List<String> gone = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                if (found.get(i).isPresent()) {
                    kept.add(found.get(i).get().task());
                } else {
                    gone.add(ids.get(i));
                }
            }
            return forget(gone).replaceWith(kept);
        });
    }

    private Uni<Void> sweepOldest(int limit) {
        return FleetIndex.sweepOldest(redis, fleetKey, limit, this::taskKey);
    }

    private Uni<Void> forget(List<String> ids) {
        return FleetIndex.remove(redis, fleetKey, ids);
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
