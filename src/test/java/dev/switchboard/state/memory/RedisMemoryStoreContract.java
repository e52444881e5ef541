package dev.switchboard.state.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.memory.Memory;
import dev.switchboard.api.memory.MemoryScope;
import dev.switchboard.api.memory.MemoryStore;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.ReplicatedWrites;
import dev.switchboard.testing.Await;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The memory-store contract on a real Redis of each topology, plus the Redis layout and real-time expiry of the keys. */
public abstract class RedisMemoryStoreContract extends MemoryStoreContract {

    @Inject
    ReactiveRedisDataSource reactive;

    @Inject
    RedisDataSource redis;

    @Inject
    JsonCodec json;

    private RedisMemoryStore store;

    @BeforeEach
    void createStore() {
        store = new RedisMemoryStore(
                reactive, ReplicatedWrites.detecting(reactive), json, clock, "switchboard", RETENTION, MAX_ENTRIES);
    }

    @Override
    protected MemoryStore store() {
        return store;
    }

    @Test
    void keysSitUnderTheScopesHashTagWithTheRetentionAsTtl() {
        MemoryScope scope = new MemoryScope("layout-" + UUID.randomUUID());
        Memory memory =
                new Memory("m1", "The user prefers tea", List.of("drinks"), Instant.parse("2026-01-02T03:04:05Z"));
        store.add(scope, memory).await().indefinitely();

        String base = "switchboard:memory:{" + scope.id() + "}";
        assertEquals(memory, json.read(redis.hash(String.class).hget(base + ":entries", "m1"), Memory.class));
        assertEquals(
                (double) clock.millis() + RETENTION.toMillis(),
                redis.sortedSet(String.class).zscore(base + ":expiry", "m1").orElseThrow());
        for (String key : List.of(base + ":entries", base + ":expiry")) {
            long ttl = redis.key().pttl(key);
            assertTrue(ttl > RETENTION.toMillis() - 5_000 && ttl <= RETENTION.toMillis(), key + " TTL " + ttl);
        }
    }

    @Test
    void anAbandonedScopeDisappearsFromRedisInRealTime() {
        Duration retention = Duration.ofMillis(300);
        RedisMemoryStore shortLived = new RedisMemoryStore(
                reactive,
                ReplicatedWrites.detecting(reactive),
                json,
                Clock.systemUTC(),
                "switchboard",
                retention,
                MAX_ENTRIES);
        MemoryScope scope = new MemoryScope("short-" + UUID.randomUUID());
        shortLived
                .add(scope, new Memory("m1", "fleeting", List.of(), Instant.now()))
                .await()
                .indefinitely();
        String base = "switchboard:memory:{" + scope.id() + "}";
        assertEquals(2, redis.key().exists(base + ":entries", base + ":expiry"));

        long start = System.nanoTime();
        Await.until(() -> redis.key().exists(base + ":entries", base + ":expiry") == 0); // Redis expired both keys
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3_000, "expired after the 300 ms retention, not the store's hour: " + millis + " ms");
        assertEquals(List.of(), shortLived.all(scope).await().indefinitely());
    }
}
