package dev.switchboard.stream;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.redis.RedisScript;
import dev.switchboard.redis.ReplicatedWrites;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The event log in Redis, shared by every replica. Each SSE stream is a Redis stream
 * {@code <prefix>:stream:{session}:<id>} (capped with {@code MAXLEN ~}, with the session's TTL); its
 * {@code :owner} key names the replica holding the live connection. Appending is one Lua script that also
 * {@code PUBLISH}es the event to that replica's channel when it is another one: one channel per replica, however
 * many sessions there are. The session's set {@code <prefix>:streams:{session}} lists its streams, under the same hash
 * tag, so the Redis session store deletes them with the session (see {@link #dropSession}).
 */
@Singleton
@Typed(RedisEventLog.class)
public class RedisEventLog implements EventLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RedisScript openScript = RedisScript.load("stream-open");
    private final RedisScript appendScript = RedisScript.load("stream-append");
    private final RedisScript claimScript = RedisScript.load("stream-claim");
    private final RedisScript releaseScript = RedisScript.load("stream-release");
    private final SecureRandom random = new SecureRandom();

    private final ReactiveRedisDataSource redis;
    private final ReplicatedWrites replicated;
    private final String replica;
    private final String keyPrefix;
    private final String setPrefix;
    private final String channelPrefix;
    private final String ttlMillis;
    private final String maxLength;

    public RedisEventLog(
            ReactiveRedisDataSource redis,
            ReplicatedWrites replicated,
            ReplicaIdentity replica,
            SwitchboardConfig config) {
        this.redis = redis;
        this.replicated = replicated;
        this.replica = replica.id();
        this.keyPrefix = config.sessions().redisKeyPrefix() + ":stream:{";
        this.setPrefix = config.sessions().redisKeyPrefix() + ":streams:{";
        this.channelPrefix = config.sessions().redisKeyPrefix() + ":replica:";
        this.ttlMillis = Long.toString(config.sessions().ttl().toMillis());
        this.maxLength = Integer.toString(config.streams().eventsPerStream());
    }

    @Override
    public String open(String sessionId) {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        String streamId =
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('_', '.');
        String key = streamKey(sessionId, streamId);
        openScript
                .run(redis, List.of(key, key + ":owner", setKey(sessionId)), ttlMillis, replica)
                .await()
                .atMost(TIMEOUT);
        return streamId;
    }

    @Override
    public StreamEvent append(String sessionId, String streamId, String data, boolean last) {
        Response added = add(sessionId, streamId, last ? "f" : "e", data);
        if (added == null) {
            // An expired stream still delivers to a live connection; it just cannot be replayed.
            return new StreamEvent(EventIds.of(streamId, System.currentTimeMillis()), data);
        }
        Response previous = added.get(1);
        return new StreamEvent(
                EventIds.of(streamId, added.get(0).toString()),
                data,
                previous == null ? null : EventIds.of(streamId, previous.toString()));
    }

    @Override
    public void complete(String sessionId, String streamId) {
        add(sessionId, streamId, "x", "");
    }

    private Response add(String sessionId, String streamId, String type, String data) {
        String key = streamKey(sessionId, streamId);
        Response id = replicated
                .run(
                        appendScript,
                        List.of(key, key + ":owner"),
                        ttlMillis,
                        maxLength,
                        type,
                        data,
                        replica,
                        channelPrefix,
                        sessionId,
                        streamId)
                .await()
                .atMost(TIMEOUT);
        return id == null || id.type() != io.vertx.redis.client.ResponseType.MULTI ? null : id;
    }

    @Override
    public Optional<Replay> after(String sessionId, String lastEventId) {
        String streamId = EventIds.streamOf(lastEventId);
        String position = EventIds.positionOf(lastEventId);
        if (streamId == null || position == null || !position.matches("\\d+(-\\d+)?")) {
            return Optional.empty();
        }
        Response entries = RedisScript.command(redis, "XRANGE", streamKey(sessionId, streamId), "-", "+")
                .await()
                .atMost(TIMEOUT);
        if (entries == null || entries.size() == 0) {
            return Optional.empty(); // unknown, expired, or another session's stream (other key)
        }
        String lastId = entries.get(entries.size() - 1).get(0).toString();
        if (EventIds.compare(lastEventId, EventIds.of(streamId, lastId)) > 0) {
            return Optional.empty(); // an id from the future was not minted here
        }
        List<StreamEvent> missed = new ArrayList<>();
        boolean complete = false;
        for (Response entry : entries) {
            String id = entry.get(0).toString();
            Response fields = entry.get(1);
            String type = field(fields, "t");
            complete |= "f".equals(type) || "x".equals(type);
            StreamEvent event = new StreamEvent(EventIds.of(streamId, id), field(fields, "d"));
            if (("e".equals(type) || "f".equals(type)) && EventIds.compare(event.id(), lastEventId) > 0) {
                missed.add(event);
            }
        }
        return Optional.of(new Replay(streamId, missed, complete));
    }

    @Override
    public void claim(String sessionId, String streamId) {
        String key = streamKey(sessionId, streamId);
        claimScript
                .run(redis, List.of(key, key + ":owner"), ttlMillis, replica, channelPrefix, sessionId, streamId)
                .await()
                .atMost(TIMEOUT);
    }

    @Override
    public void release(String sessionId, String streamId) {
        releaseScript
                .run(redis, List.of(streamKey(sessionId, streamId) + ":owner"), replica)
                .await()
                .atMost(TIMEOUT);
    }

    /**
     * Nothing to do: a session's streams are under its hash tag, and the Redis session store's delete removes them with
     * the session, in the same script (one round trip, and no stream outlives its session).
     */
    @Override
    public void dropSession(String sessionId) {}

    private String streamKey(String sessionId, String streamId) {
        return keyPrefix + sessionId + "}:" + streamId;
    }

    private String setKey(String sessionId) {
        return setPrefix + sessionId + "}";
    }

    private static String field(Response fields, String name) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i).toString())) {
                return fields.get(i + 1).toString();
            }
        }
        return "";
    }
}
