package dev.switchboard.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.redis.ReplicatedWrites;
import dev.switchboard.session.RedisSessionStore;
import dev.switchboard.session.Session;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event-log contract on a real Redis of each topology (a log of this test's own, beside the application's), plus the key
 * layout: each stream a Redis stream that expires with its session, listed in the session's set of streams.
 */
public abstract class RedisEventLogContract extends EventLogContract {

    @Inject
    ReactiveRedisDataSource reactive;

    @Inject
    RedisDataSource redis;

    @Inject
    SwitchboardConfig config;

    @Inject
    RedisSessionStore sessions;

    private RedisEventLog log;

    @BeforeEach
    void createLog() {
        log = new RedisEventLog(reactive, ReplicatedWrites.detecting(reactive), new ReplicaIdentity(), config);
    }

    @Override
    protected EventLog log() {
        return log;
    }

    @Test
    void aStreamIsARedisStreamThatExpiresWithItsSession() {
        String stream = log.open(session);
        log.append(session, stream, "a", false);
        String prefix = config.sessions().redisKeyPrefix();
        String key = prefix + ":stream:{" + session + "}:" + stream;
        String streams = prefix + ":streams:{" + session + "}";

        assertEquals("stream", redis.key().type(key).toString().toLowerCase());
        assertEquals(List.of(key), List.copyOf(redis.set(String.class).smembers(streams)));
        long ttl = config.sessions().ttl().toMillis();
        for (String expiring : List.of(key, key + ":owner", streams)) {
            long pttl = redis.key().pttl(expiring);
            assertTrue(pttl > ttl - 5_000 && pttl <= ttl, expiring + " PTTL " + pttl);
        }
    }

    /** A session's streams are under its hash tag: the Redis session store's delete takes them with it. */
    @Test
    void deletingItsSessionDeletesItsStreamsTheirOwnersAndItsSet() {
        Instant now = Instant.now();
        sessions.create(new Session(session, "owner-1", "2025-11-25", null, null, null, now, now))
                .await()
                .indefinitely();
        String first = log.open(session);
        String second = log.open(session);
        log.append(session, second, "b", false);
        String other = "other-" + UUID.randomUUID();
        String kept = log.open(other);
        String prefix = config.sessions().redisKeyPrefix() + ":stream:{" + session + "}:";
        String streams = config.sessions().redisKeyPrefix() + ":streams:{" + session + "}";
        String[] keys = {prefix + first, prefix + first + ":owner", prefix + second, prefix + second + ":owner", streams
        };
        assertEquals(keys.length, redis.key().exists(keys)); // one slot: the session's hash tag

        assertTrue(sessions.delete(session, "owner-1").await().indefinitely());
        assertEquals(0, redis.key().exists(keys), "gone with the session, in the same script");
        log.dropSession(session); // nothing left to do, and nothing else dropped
        assertTrue(log.after(other, EventIds.of(kept, 0)).isPresent(), "another session's stream is kept");
    }
}
