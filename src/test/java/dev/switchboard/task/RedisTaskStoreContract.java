package dev.switchboard.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.FleetIndexes;
import dev.switchboard.redis.ReplicatedWrites;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task-store contract on a real Redis of each topology, plus the key layout and the keys' own expiry. */
public abstract class RedisTaskStoreContract extends TaskStoreContract {

    @Inject
    ReactiveRedisDataSource reactive;

    @Inject
    RedisDataSource redis;

    @Inject
    JsonCodec json;

    private RedisTaskStore store;

    @BeforeEach
    void createStore() {
        store = new RedisTaskStore(
                reactive, ReplicatedWrites.detecting(reactive), new FleetIndexes(reactive), json, clock, "switchboard");
    }

    @Override
    protected TaskStore store() {
        return store;
    }

    /** Redis expires keys in real time: the test's clock moved past the TTL, so the key goes as Redis would drop it. */
    @Override
    protected void expire(TaskRecord task) {
        redis.key().del("switchboard:task:{" + task.id() + "}");
    }

    @Test
    void aTaskIsOneKeyUnderItsIdsHashTagExpiringWithTheTask() {
        TaskRecord task = TaskRecord.started(TaskIds.next(), "layout", "2025-11-25", "s-1", null, clock.instant(), TTL);
        store.create(task).await().indefinitely();
        String key = "switchboard:task:{" + task.id() + "}";
        assertEquals(task, json.read(redis.value(String.class).get(key), TaskRecord.class));
        long expiresAt = redis.key().pexpiretime(key);
        assertEquals(task.expiresAt().toEpochMilli(), expiresAt);
        assertTrue(
                redis.sortedSet(String.class)
                        .zscore("switchboard:tasks:layout", task.id())
                        .isPresent(),
                "listed under its owner");
        assertEquals(
                expiresAt, redis.key().pexpiretime("switchboard:tasks:layout"), "the index lives as long as the task");
        assertEquals(Optional.of(task), store.get("layout", task.id()).await().indefinitely());
    }
}
