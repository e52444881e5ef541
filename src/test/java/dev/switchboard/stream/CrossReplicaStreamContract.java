package dev.switchboard.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.cluster.ReplicaBus;
import dev.switchboard.cluster.ReplicaMessages;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.ReplicatedWrites;
import dev.switchboard.testing.Await;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' stream hubs over one real Redis: this application's (A) and a second one built here (B) with its own
 * identity, event log and pub/sub channel. A stream produced on A and resumed on B continues on B, exactly once. Run on
 * each Redis topology.
 */
public abstract class CrossReplicaStreamContract {

    @Inject
    StreamHub hubA;

    @Inject
    ReactiveRedisDataSource reactiveRedis;

    @Inject
    RedisDataSource redis;

    @Inject
    SwitchboardConfig config;

    @Inject
    JsonCodec json;

    private StreamHub hubB;
    private io.smallrye.mutiny.subscription.Cancellable busB;

    @BeforeEach
    void secondReplica() {
        ReplicaIdentity b = new ReplicaIdentity();
        hubB = new StreamHub(new RedisEventLog(reactiveRedis, ReplicatedWrites.detecting(reactiveRedis), b, config));
        busB = new ReplicaBus(hubB, new ReplicaMessages(hubB, null, null, null, null, json, b), json)
                .listen(reactiveRedis, ReplicaBus.channelPrefix(config) + b.id());
        // Redis pub/sub subscriptions are asynchronous: wait until B's channel is listening.
        Await.until(() -> subscribers(ReplicaBus.channelPrefix(config) + b.id()) > 0);
    }

    /**
     * The connections listening on {@code channel}: {@code PUBSUB NUMSUB} answers for the server asked, which is all
     * of them with one server (or a Sentinel-watched master); a cluster's subclass asks every node.
     */
    protected long subscribers(String channel) {
        return redis.execute("PUBSUB", "NUMSUB", channel).get(1).toLong();
    }

    @org.junit.jupiter.api.AfterEach
    void stopSecondReplica() {
        busB.cancel();
    }

    @Test
    void aStreamResumedOnAnotherReplicaContinuesThereExactlyOnce() {
        String session = UUID.randomUUID().toString();
        RecordingConnection onA = new RecordingConnection();
        String stream = hubA.open(session, onA);
        hubA.publish(session, stream, "one");
        assertEquals(List.of("one"), onA.data);

        RecordingConnection onB = new RecordingConnection();
        assertTrue(hubB.resume(session, onA.ids.get(0), onB));
        Await.until(() -> onA.closed); // A was told B took the stream over
        hubA.publish(session, stream, "two");
        hubA.publish(session, stream, "three");
        hubA.finish(session, stream, "done");
        Await.until(() -> onB.closed);

        assertEquals(List.of("one"), onA.data, "A wrote nothing after B took over");
        assertEquals(List.of("two", "three", "done"), onB.data, "B got every later event, in order, once");
        long pttl = redis.key().pttl(config.sessions().redisKeyPrefix() + ":stream:{" + session + "}:" + stream);
        assertTrue(pttl > 0 && pttl <= config.sessions().ttl().toMillis(), "the stream expires with the session");
    }

    @Test
    void resumingOnAnotherReplicaReplaysWhatWasMissedThenFollows() {
        String session = UUID.randomUUID().toString();
        RecordingConnection onA = new RecordingConnection();
        String stream = hubA.open(session, onA);
        String priming = EventIds.of(stream, 0);
        hubA.disconnect(session, stream); // the client went away (or was told to poll)
        hubA.publish(session, stream, "missed-1");
        hubA.publish(session, stream, "missed-2");

        RecordingConnection onB = new RecordingConnection();
        assertTrue(hubB.resume(session, priming, onB));
        assertEquals(List.of("missed-1", "missed-2"), onB.data);
        hubA.finish(session, stream, "done");
        Await.until(() -> onB.closed);
        assertEquals(List.of("missed-1", "missed-2", "done"), onB.data);

        RecordingConnection late = new RecordingConnection();
        assertTrue(hubB.resume(session, onB.ids.get(1), late), "a finished stream can still be replayed");
        assertEquals(List.of("done"), late.data);
        assertTrue(late.closed);
    }

    @Test
    void theLastEventReleasesTheStreamInTheSameRoundTrip() {
        String session = UUID.randomUUID().toString();
        String owner = config.sessions().redisKeyPrefix() + ":stream:{" + session + "}:";
        String stream = hubA.open(session, new RecordingConnection());
        assertTrue(redis.key().exists(owner + stream + ":owner"), "A holds the stream while it runs");
        hubA.finish(session, stream, "done");
        assertFalse(redis.key().exists(owner + stream + ":owner"), "the final append released it");

        String cancelled = hubA.open(session, new RecordingConnection());
        hubA.abandon(session, cancelled);
        assertFalse(redis.key().exists(owner + cancelled + ":owner"), "so did ending without a message");
    }

    /**
     * A replica that has just started may take a resumed stream before its channel listens: what other replicas forward
     * meanwhile is lost to pub/sub, so once the channel listens the stream gets it from the log (and the replica reports
     * ready only then).
     */
    @Test
    void eventsForwardedBeforeAReplicaListensReachItsResumedStreamOnceItDoes() {
        ReplicaIdentity c = new ReplicaIdentity();
        StreamHub hubC =
                new StreamHub(new RedisEventLog(reactiveRedis, ReplicatedWrites.detecting(reactiveRedis), c, config));
        String session = UUID.randomUUID().toString();
        RecordingConnection onA = new RecordingConnection();
        String stream = hubA.open(session, onA);
        hubA.publish(session, stream, "one");
        RecordingConnection onC = new RecordingConnection();
        assertTrue(hubC.resume(session, onA.ids.get(0), onC));
        hubA.publish(session, stream, "two"); // forwarded to C's channel, which nothing listens to yet
        assertEquals(List.of(), onC.data);

        ReplicaBus busC = new ReplicaBus(hubC, new ReplicaMessages(hubC, null, null, null, null, json, c), json);
        assertTrue(busC.listening(), "a bus with no channels needs none");
        var listener = busC.listen(reactiveRedis, ReplicaBus.channelPrefix(config) + c.id());
        try {
            Await.until(() -> onC.data.equals(List.of("two")));
            assertTrue(busC.listening());
            hubA.finish(session, stream, "done");
            Await.until(() -> onC.closed);
            assertEquals(List.of("two", "done"), onC.data, "every event once, in order");
        } finally {
            listener.cancel();
        }
    }

    @Test
    void anotherSessionCannotResumeTheStream() {
        String session = UUID.randomUUID().toString();
        RecordingConnection onA = new RecordingConnection();
        String stream = hubA.open(session, onA);
        hubA.publish(session, stream, "private");
        assertFalse(hubB.resume(UUID.randomUUID().toString(), onA.ids.get(0), new RecordingConnection()));
        assertFalse(hubB.resume(session, EventIds.of(stream, "99999999999999-0"), new RecordingConnection()));
    }
}
