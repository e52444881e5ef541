package dev.switchboard.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ToolUse;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.FleetIndex;
import dev.switchboard.redis.FleetIndexWriter;
import dev.switchboard.redis.FleetIndexes;
import dev.switchboard.redis.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fleet-wide list of sessions the console reads, and how a session hash is read back.
 *
 * <p>{@code <prefix>:fleet:sessions} is a sorted set of session ids by creation time (epoch ms). It is another slot
 * than the session's keys, so it is written apart from them, in batches ({@link FleetIndexWriter}, which keeps the
 * newest 10,000): a member added when the session is created and removed when it is deleted.
 * Sessions that expire leave a member behind: a listing reads each session it shows and removes the members whose
 * session is gone, and removes too the expired among the oldest members (as many as it lists; at most once a minute).
 */
final class RedisSessionIndex {

    static final String OWNER = "owner";
    /** The owner of sessions stored before owners were recorded: the principal of a server without authorization. */
    static final String OPEN_OWNER = "open";

    static final String VERSION = "version";
    static final String CLIENT_INFO = "clientInfo";
    static final String CAPABILITIES = "capabilities";
    static final String LOG_LEVEL = "logLevel";
    static final String CREATED = "created";
    static final String SEEN = "seen";

    private final RedisScript peekScript = RedisScript.load("session-peek");
    private final ReactiveRedisDataSource redis;
    private final JsonCodec json;
    private final String key;
    private final String sessionPrefix;
    private final String streamPrefix;
    private final String streamSetPrefix;
    private final FleetIndexWriter writer;
    private final FleetIndex.SweepPace sweeps = new FleetIndex.SweepPace();

    RedisSessionIndex(ReactiveRedisDataSource redis, FleetIndexes indexes, JsonCodec json, String prefix) {
        this.redis = redis;
        this.json = json;
        this.key = prefix + ":fleet:sessions";
        this.writer = indexes.writer(key);
        this.sessionPrefix = prefix + ":session:{";
        this.streamPrefix = prefix + ":stream:{";
        this.streamSetPrefix = prefix + ":streams:{";
    }

    /** Lists a new session, with this replica's next batch of index changes. */
    void add(Session session) {
        writer.add(session.id(), session.createdAt().toEpochMilli());
    }

    /** Unlists a deleted session, with the next batch (nothing at all when its listing was not written yet). */
    void remove(String id) {
        writer.remove(id);
    }

    Uni<Long> count() {
        return writer.flush()
                .chain(() -> RedisScript.command(redis, "ZCARD", key))
                .map(Response::toLong);
    }

    /**
     * The newest {@code limit} sessions: this replica's waiting index changes, one command for the page, then one
     * script per session, sent together.
     */
    Uni<List<SessionSummary>> recent(int limit) {
        String last = Integer.toString(limit - 1);
        return writer.flush()
                .chain(() -> RedisScript.command(redis, "ZRANGE", key, "0", last, "REV"))
                .chain(newest -> read(FleetIndex.ids(newest)))
                .call(ignored ->
                        sweeps.due() ? sweepOldest(limit) : Uni.createFrom().voidItem());
    }

    private Uni<List<SessionSummary>> read(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Optional<SessionSummary>>> reads = new ArrayList<>(ids.size());
        ids.forEach(id -> reads.add(peek(id)));
        return Uni.join().all(reads).andFailFast().chain(found -> {
            List<SessionSummary> live = new ArrayList<>(found.size());
            List<String> gone = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                if (found.get(i).isPresent()) {
                    live.add(found.get(i).get());
                } else {
                    gone.add(ids.get(i));
                }
            }
            return FleetIndex.remove(redis, key, gone).replaceWith(live);
        });
    }

    /** Drops the members among the oldest {@code limit} whose session has expired. */
    private Uni<Void> sweepOldest(int limit) {
        return FleetIndex.sweepOldest(redis, key, limit, this::sessionKey);
    }

    private Uni<Optional<SessionSummary>> peek(String id) {
        if (!RedisSessionStore.taggable(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        String session = sessionKey(id);
        return peekScript
                .run(redis, List.of(session, session + ":tools", streamSetKey(id), streamKeyPrefix(id)))
                .map(reply -> {
                    if (reply == null) {
                        return Optional.empty();
                    }
                    List<ToolUse> uses = new ArrayList<>(reply.get(1).size());
                    reply.get(1).forEach(entry -> uses.add(json.read(entry.toString(), ToolUse.class)));
                    Response replica = reply.size() > 2 ? reply.get(2) : null;
                    return Optional.of(new SessionSummary(
                            toSession(id, reply.get(0)), uses, replica == null ? null : replica.toString()));
                });
    }

    String sessionKey(String id) {
        return sessionPrefix + id + "}";
    }

    /** The set of the session's streams (their keys), which the event log keeps under the session's hash tag. */
    String streamSetKey(String id) {
        return streamSetPrefix + id + "}";
    }

    /** What the keys of the session's streams start with. */
    String streamKeyPrefix(String id) {
        return streamPrefix + id + "}:";
    }

    /** Adds the field/value pairs of a new session's hash to {@code args}. */
    void writeFields(Session session, List<String> args) {
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
    }

    /** A session from the field/value pairs of its hash. */
    Session toSession(String id, Response fields) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            values.put(fields.get(i).toString(), fields.get(i + 1).toString());
        }
        return new Session(
                id,
                values.getOrDefault(OWNER, OPEN_OWNER),
                values.get(VERSION),
                object(values.get(CLIENT_INFO)),
                object(values.get(CAPABILITIES)),
                values.get(LOG_LEVEL),
                Instant.ofEpochMilli(Long.parseLong(values.get(CREATED))),
                Instant.ofEpochMilli(Long.parseLong(values.get(SEEN))));
    }

    private ObjectNode object(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node = json.read(text, JsonNode.class);
        return node instanceof ObjectNode object ? object : null;
    }
}
