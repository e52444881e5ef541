package dev.switchboard.session;

import dev.switchboard.api.ToolUse;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.FleetIndexes;
import dev.switchboard.redis.RedisScript;
import dev.switchboard.redis.ReplicatedWrites;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sessions in Redis, so any replica serves any request and a restart loses nothing.
 *
 * <p>Layout (the session id in braces is a hash tag: a session's keys share one cluster slot):
 *
 * <ul>
 *   <li>{@code <prefix>:session:{id}}: hash of the session's fields; fields {@code c:<name>} list its collections
 *   <li>{@code <prefix>:session:{id}:tools}: list of {@code tools_used} entries, capped
 *   <li>{@code <prefix>:session:{id}:c:<name>}: sorted set of one collection
 *   <li>{@code <prefix>:shared:<name>}: a server-wide value ({@link #shared}), without TTL
 * </ul>
 *
 * Every key has the session's sliding TTL. Each operation is one Lua script, so one round trip. The collections are
 * named by the hash's {@code c:} fields, so the scripts that slide or delete them build their keys from a declared
 * prefix key ({@code <prefix>:session:{id}:c:}) that carries the hash tag: a Redis Cluster checks it is in the
 * session's slot.
 *
 * <p>A session's id is published on {@code <prefix>:sessions:changed} when it changes or ends, by the script that does
 * it, so replicas drop their near copies ({@link NearCachedSessionStore}).
 */
@Singleton
@Typed(RedisSessionStore.class)
public class RedisSessionStore implements SessionStore {

    private static final String RATE_REFUSED = "!rate";

    private static final Uni<Boolean> FALSE = Uni.createFrom().item(Boolean.FALSE);

    private static final String LOG_LEVEL = RedisSessionIndex.LOG_LEVEL;

    private final RedisScript createScript = RedisScript.load("session-create");
    private final RedisScript touchScript = RedisScript.load("session-touch");
    private final RedisScript deleteScript = RedisScript.load("session-delete");
    private final RedisScript setFieldScript = RedisScript.load("session-set-field");
    private final RedisScript addEntryScript = RedisScript.load("session-add-entry");
    private final RedisScript appendScript = RedisScript.load("session-append");

    private final ReactiveRedisDataSource redis;
    private final JsonCodec json;
    private final ReplicatedWrites replicated;
    private final Clock clock;
    private final String keyPrefix;
    private final String sharedPrefix;
    private final String ttlMillis;
    private final String toolsUsedLimit;
    private final String changes;
    private final RedisSessionIndex index;

    public RedisSessionStore(
            ReactiveRedisDataSource redis,
            ReplicatedWrites replicated,
            FleetIndexes indexes,
            JsonCodec json,
            Clock clock,
            SwitchboardConfig config,
            SessionCacheConfig cache) {
        this.redis = redis;
        this.replicated = replicated;
        this.json = json;
        this.clock = clock;
        this.keyPrefix = config.sessions().redisKeyPrefix() + ":session:{";
        this.sharedPrefix = config.sessions().redisKeyPrefix() + ":shared:";
        // Near caches slide the TTL at most once per refresh: the margin keeps a session for a TTL after its last call.
        Duration margin = cache.enabled() ? cache.refresh() : Duration.ZERO;
        this.ttlMillis = Long.toString(config.sessions().ttl().plus(margin).toMillis());
        this.changes = changesChannel(config);
        this.toolsUsedLimit = Integer.toString(config.sessions().toolsUsedLimit());
        this.index =
                new RedisSessionIndex(redis, indexes, json, config.sessions().redisKeyPrefix());
    }

    @Override
    public Uni<Void> create(Session session) {
        List<String> args = new ArrayList<>(15);
        args.add(ttlMillis);
        index.writeFields(session, args);
        return replicated
                .run(createScript, List.of(sessionKey(session.id())), args.toArray(String[]::new))
                .invoke(() -> index.add(session)) // another slot, written in batches (see RedisSessionIndex)
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<Session>> touch(String id, String owner, ToolUse use, Allowance allowance) {
        return touch(id, owner, use == null ? List.of() : List.of(json.write(use)), allowance);
    }

    /** As {@link #touch(String, String, ToolUse, Allowance)}, appending {@code uses} (JSON, oldest first). */
    Uni<Optional<Session>> touch(String id, String owner, List<String> uses, Allowance allowance) {
        if (!taggable(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        String key = sessionKey(id);
        List<String> args = new ArrayList<>(6 + uses.size());
        args.add(ttlMillis);
        args.add(Long.toString(clock.millis()));
        args.add(toolsUsedLimit);
        args.add(owner);
        args.add(allowance == null ? "" : Long.toString(allowance.intervalMicros()));
        args.add(allowance == null ? "" : Integer.toString(allowance.burst()));
        args.addAll(uses);
        return touchScript
                .run(redis, List.of(key, key + ":tools", key + ":c:"), args.toArray(String[]::new))
                .map(reply -> {
                    if (reply == null) {
                        return Optional.empty();
                    }
                    if (reply.size() == 2 && RATE_REFUSED.equals(reply.get(0).toString())) {
                        throw new AllowanceExceededException(
                                Duration.ofNanos(reply.get(1).toLong() * 1_000));
                    }
                    return Optional.of(index.toSession(id, reply));
                });
    }

    /** Appends {@code uses} (JSON, oldest first) to an existing session's {@code tools_used}; false when it is gone. */
    Uni<Boolean> append(String id, List<String> uses) {
        if (!taggable(id) || uses.isEmpty()) {
            return FALSE;
        }
        String key = sessionKey(id);
        List<String> args = new ArrayList<>(1 + uses.size());
        args.add(toolsUsedLimit);
        args.addAll(uses);
        return appendScript
                .run(redis, List.of(key, key + ":tools"), args.toArray(String[]::new))
                .map(reply -> reply.toInteger() == 1);
    }

    /** The channel on which a session's id is published when it changes or ends (its near copies are dropped). */
    static String changesChannel(SwitchboardConfig config) {
        return config.sessions().redisKeyPrefix() + ":sessions:changed";
    }

    @Override
    public Uni<Boolean> setLogLevel(String id, String level) {
        if (!taggable(id)) {
            return FALSE;
        }
        return setFieldScript
                .run(redis, List.of(sessionKey(id)), LOG_LEVEL, level, changes, id)
                .map(reply -> reply.toInteger() == 1);
    }

    @Override
    public Uni<Boolean> delete(String id, String owner) {
        if (!taggable(id)) {
            return FALSE;
        }
        return deleteAs(id, owner).map(Optional::isPresent);
    }

    @Override
    public Uni<Optional<String>> end(String id) {
        if (!taggable(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return deleteAs(id, "");
    }

    @Override
    public Uni<List<SessionSummary>> recent(int limit) {
        return index.recent(limit);
    }

    @Override
    public Uni<Long> count() {
        return index.count();
    }

    /** Deletes the session of {@code owner} ({@code ""}: of anyone); the owner when it existed. */
    private Uni<Optional<String>> deleteAs(String id, String owner) {
        String key = sessionKey(id);
        // Its streams go with it, in the same step: they are under the session's hash tag (see RedisEventLog).
        List<String> keys =
                List.of(key, key + ":tools", key + ":c:", index.streamSetKey(id), index.streamKeyPrefix(id));
        return deleteScript
                .run(redis, keys, owner, changes, id)
                .map(reply -> Optional.ofNullable(reply).map(Response::toString))
                .invoke(deleted -> {
                    if (deleted.isPresent()) {
                        index.remove(id); // with the next batch: a listing drops a member left behind anyway
                    }
                });
    }

    @Override
    public Uni<List<ToolUse>> toolsUsed(String id) {
        if (!taggable(id)) {
            return Uni.createFrom().item(List.of());
        }
        return RedisScript.command(redis, "LRANGE", sessionKey(id) + ":tools", "0", "-1")
                .map(reply -> {
                    List<ToolUse> uses = new ArrayList<>(reply.size());
                    for (Response entry : reply) {
                        uses.add(json.read(entry.toString(), ToolUse.class));
                    }
                    return uses;
                });
    }

    @Override
    public Uni<Boolean> addEntry(String id, String collection, double score, String entry) {
        if (!taggable(id)) {
            return FALSE;
        }
        String key = sessionKey(id);
        return replicated
                .run(addEntryScript, List.of(key, key + ":c:" + collection), collection, Double.toString(score), entry)
                .map(reply -> reply.toInteger() == 1);
    }

    @Override
    public Uni<Boolean> removeEntry(String id, String collection, String entry) {
        if (!taggable(id)) {
            return FALSE;
        }
        return replicated
                .command("ZREM", sessionKey(id) + ":c:" + collection, entry)
                .map(removed -> removed.toInteger() == 1);
    }

    @Override
    public Uni<List<String>> entries(String id, String collection, double min, double max) {
        if (!taggable(id)) {
            return Uni.createFrom().item(List.of());
        }
        return RedisScript.command(
                        redis,
                        "ZRANGE",
                        sessionKey(id) + ":c:" + collection,
                        Double.toString(min),
                        Double.toString(max),
                        "BYSCORE")
                .map(reply -> {
                    List<String> found = new ArrayList<>(reply.size());
                    reply.forEach(entry -> found.add(entry.toString()));
                    return found;
                });
    }

    @Override
    public Uni<String> shared(String name, String value) {
        String key = sharedPrefix + name;
        return RedisScript.command(redis, "SET", key, value, "NX")
                .flatMap(ignored -> RedisScript.command(redis, "GET", key))
                .map(held -> held == null ? value : held.toString());
    }

    @Override
    public Uni<Void> ping() {
        return RedisScript.command(redis, "PING").replaceWithVoid();
    }

    @Override
    public String kind() {
        return "redis";
    }

    /**
     * Whether {@code id} can be the hash tag of its session's keys: not empty and without braces. Ids come from the
     * client's header; with an empty one {@code session:{}} would have no hash tag, so a Redis Cluster would spread the
     * session's keys over slots and refuse the scripts that use several. Such an id is never minted, so its session is
     * unknown without asking Redis.
     */
    static boolean taggable(String id) {
        return !id.isEmpty() && id.indexOf('{') < 0 && id.indexOf('}') < 0;
    }

    private String sessionKey(String id) {
        return keyPrefix + id + "}";
    }
}
