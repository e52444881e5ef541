package dev.switchboard.session;

import dev.switchboard.api.ToolUse;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.RedisScript;
import dev.switchboard.redis.ReplicatedWrites;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 */
@ApplicationScoped
@Typed(RedisSessionStore.class)
public class RedisSessionStore implements SessionStore {

    private static final String OWNER = RedisSessionIndex.OWNER;
    private static final String RATE_REFUSED = "!rate";

    private static final Uni<Boolean> FALSE = Uni.createFrom().item(Boolean.FALSE);

    private static final String VERSION = RedisSessionIndex.VERSION;
    private static final String CLIENT_INFO = RedisSessionIndex.CLIENT_INFO;
    private static final String CAPABILITIES = RedisSessionIndex.CAPABILITIES;
    private static final String LOG_LEVEL = RedisSessionIndex.LOG_LEVEL;
    private static final String CREATED = RedisSessionIndex.CREATED;
    private static final String SEEN = RedisSessionIndex.SEEN;

    private final RedisScript createScript = RedisScript.load("session-create");
    private final RedisScript touchScript = RedisScript.load("session-touch");
    private final RedisScript deleteScript = RedisScript.load("session-delete");
    private final RedisScript setFieldScript = RedisScript.load("session-set-field");
    private final RedisScript addEntryScript = RedisScript.load("session-add-entry");

    private final ReactiveRedisDataSource redis;
    private final JsonCodec json;
    private final ReplicatedWrites replicated;
    private final Clock clock;
    private final String keyPrefix;
    private final String sharedPrefix;
    private final String ttlMillis;
    private final String toolsUsedLimit;
    private final RedisSessionIndex index;

    public RedisSessionStore(
            ReactiveRedisDataSource redis,
            ReplicatedWrites replicated,
            JsonCodec json,
            Clock clock,
            SwitchboardConfig config) {
        this.redis = redis;
        this.replicated = replicated;
        this.json = json;
        this.clock = clock;
        this.keyPrefix = config.sessions().redisKeyPrefix() + ":session:{";
        this.sharedPrefix = config.sessions().redisKeyPrefix() + ":shared:";
        this.ttlMillis = Long.toString(config.sessions().ttl().toMillis());
        this.toolsUsedLimit = Integer.toString(config.sessions().toolsUsedLimit());
        this.index = new RedisSessionIndex(redis, json, config.sessions().redisKeyPrefix());
    }

    @Override
    public Uni<Void> create(Session session) {
        List<String> args = new ArrayList<>(15);
        args.add(ttlMillis);
        args.add(OWNER);
        args.add(session.owner());
        args.add(VERSION);
        args.add(session.protocolVersion());
        args.add(CREATED);
        args.add(Long.toString(session.createdAt().toEpochMilli()));
        args.add(SEEN);
        args.add(Long.toString(session.lastSeenAt().toEpochMilli()));
        if (session.clientInfo() != null) {
            args.add(CLIENT_INFO);
            args.add(session.clientInfo().toString());
        }
        if (session.clientCapabilities() != null) {
            args.add(CAPABILITIES);
            args.add(session.clientCapabilities().toString());
        }
        if (session.logLevel() != null) {
            args.add(LOG_LEVEL);
            args.add(session.logLevel());
        }
        // The fleet index is another slot: its own command, sent beside the session's (see RedisSessionIndex).
        return Uni.combine()
                .all()
                .unis(
                        replicated.run(createScript, List.of(sessionKey(session.id())), args.toArray(String[]::new)),
                        index.add(session))
                .discardItems();
    }

    @Override
    public Uni<Optional<Session>> touch(String id, String owner, ToolUse use, Allowance allowance) {
        if (!taggable(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        String key = sessionKey(id);
        Instant now = clock.instant();
        return touchScript
                .run(
                        redis,
                        List.of(key, key + ":tools", key + ":c:"),
                        ttlMillis,
                        Long.toString(now.toEpochMilli()),
                        use == null ? "" : json.write(use),
                        toolsUsedLimit,
                        owner,
                        allowance == null ? "" : Long.toString(allowance.intervalMicros()),
                        allowance == null ? "" : Integer.toString(allowance.burst()))
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

    @Override
    public Uni<Boolean> setLogLevel(String id, String level) {
        if (!taggable(id)) {
            return FALSE;
        }
        return setFieldScript
                .run(redis, List.of(sessionKey(id)), LOG_LEVEL, level)
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
        return deleteScript
                .run(redis, List.of(key, key + ":tools", key + ":c:"), owner)
                .map(reply -> Optional.ofNullable(reply).map(Response::toString))
                .call(deleted -> deleted.isPresent()
                        ? index.remove(List.of(id))
                        : Uni.createFrom().voidItem());
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
