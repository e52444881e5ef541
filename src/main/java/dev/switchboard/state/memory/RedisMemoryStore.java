package dev.switchboard.state.memory;

import dev.switchboard.api.memory.Memory;
import dev.switchboard.api.memory.MemoryScope;
import dev.switchboard.api.memory.MemoryStore;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.RedisScript;
import dev.switchboard.redis.ReplicatedWrites;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Memories in Redis, shared by every replica and kept across restarts, with no TTL tied to any session.
 *
 * <p>Layout per scope (the scope in braces is a hash tag: a scope's keys share one cluster slot):
 *
 * <ul>
 *   <li>{@code <prefix>:memory:{scope}:entries}: hash of memory id to the memory as JSON
 *   <li>{@code <prefix>:memory:{scope}:expiry}: sorted set of memory ids by expiry (epoch ms), which orders them by
 *       last use too: eviction takes the lowest, recall reads from the highest
 * </ul>
 *
 * Expired memories are dropped by the next write or read of the scope; both keys carry the retention as their TTL, so
 * an abandoned scope disappears on its own. Each operation is one Lua script, so one atomic round trip.
 */
@Singleton
@Typed(RedisMemoryStore.class)
public class RedisMemoryStore implements MemoryStore {

    private final RedisScript rememberScript = RedisScript.load("memory-remember");
    private final RedisScript recallScript = RedisScript.load("memory-recall");
    private final RedisScript refreshScript = RedisScript.load("memory-refresh");
    private final RedisScript forgetScript = RedisScript.load("memory-forget");

    private final ReactiveRedisDataSource redis;
    private final ReplicatedWrites replicated;
    private final JsonCodec json;
    private final Clock clock;
    private final String keyPrefix;
    private final Duration retention;
    private final String maxEntries;

    @Inject
    public RedisMemoryStore(
            ReactiveRedisDataSource redis,
            ReplicatedWrites replicated,
            JsonCodec json,
            Clock clock,
            MemoryStoreConfig config,
            @ConfigProperty(name = "switchboard.sessions.redis-key-prefix") String keyPrefix) {
        this(redis, replicated, json, clock, keyPrefix, config.retention(), config.maxEntries());
    }

    public RedisMemoryStore(
            ReactiveRedisDataSource redis,
            ReplicatedWrites replicated,
            JsonCodec json,
            Clock clock,
            String redisKeyPrefix,
            Duration retention,
            int maxEntries) {
        this.redis = redis;
        this.replicated = replicated;
        this.json = json;
        this.clock = clock;
        this.keyPrefix = redisKeyPrefix + ":memory:{";
        this.retention = retention;
        this.maxEntries = Integer.toString(maxEntries);
    }

    @Override
    public Uni<List<String>> add(MemoryScope scope, Memory memory) {
        long now = clock.millis();
        return replicated
                .run(
                        rememberScript,
                        keys(scope),
                        Long.toString(now),
                        Long.toString(now + retention.toMillis()),
                        Long.toString(retention.toMillis()),
                        maxEntries,
                        memory.id(),
                        json.write(memory))
                .map(RedisMemoryStore::strings);
    }

    @Override
    public Uni<List<Memory>> all(MemoryScope scope) {
        return recallScript
                .run(redis, keys(scope), Long.toString(clock.millis()), maxEntries)
                .map(reply -> {
                    List<Memory> memories = new ArrayList<>(reply.size());
                    reply.forEach(entry -> memories.add(json.read(entry.toString(), Memory.class)));
                    return memories;
                });
    }

    @Override
    public Uni<Void> refresh(MemoryScope scope, List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long now = clock.millis();
        List<String> args = new ArrayList<>(3 + ids.size());
        args.add(Long.toString(now));
        args.add(Long.toString(now + retention.toMillis()));
        args.add(Long.toString(retention.toMillis()));
        args.addAll(ids);
        return refreshScript
                .run(redis, keys(scope), args.toArray(String[]::new))
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<Memory>> remove(MemoryScope scope, String id) {
        return replicated
                .run(forgetScript, keys(scope), Long.toString(clock.millis()), id)
                .map(reply ->
                        reply == null ? Optional.empty() : Optional.of(json.read(reply.toString(), Memory.class)));
    }

    @Override
    public String kind() {
        return "redis";
    }

    private List<String> keys(MemoryScope scope) {
        String base = keyPrefix + scope.id() + "}";
        return List.of(base + ":entries", base + ":expiry");
    }

    private static List<String> strings(Response reply) {
        List<String> values = new ArrayList<>(reply.size());
        reply.forEach(value -> values.add(value.toString()));
        return values;
    }
}
