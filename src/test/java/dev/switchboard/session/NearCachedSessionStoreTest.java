package dev.switchboard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ToolUse;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.redis.FleetIndexes;
import dev.switchboard.redis.ReplicatedWrites;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.ConfigMappings;
import dev.switchboard.testing.RedisTopology;
import io.vertx.mutiny.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The near-cached Redis store's own promises hold between replicas (two stores over one Redis, as two replicas have;
 * {@link NearCachedSessionStoreContractTest} checks it keeps the session-store contract): an ended session is refused by the other replica at once through the change
 * notice, and within {@code refresh} without it; an expired one is never served; held {@code tools_used} entries are
 * all written by a graceful stop; a cached session's requests cost Redis nothing.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(
        value = RedisTopology.class,
        names = {"STANDALONE", "CLUSTER"})
class NearCachedSessionStoreTest {

    static final JsonCodec JSON = new JsonCodec(new ObjectMapper().findAndRegisterModules());
    private static final String OWNER = "owner-1";
    private static final Duration TTL = SessionStoreContract.TTL;

    private static Vertx vertx;
    private static RedisTopology.Client client;

    @Parameter
    RedisTopology topology;

    private final List<NearCachedSessionStore> replicas = new ArrayList<>();
    private NearCachedSessionStore store;

    @BeforeParameterizedClassInvocation
    static void connect(RedisTopology topology) {
        vertx = Vertx.vertx();
        client = topology.client(vertx);
    }

    @AfterParameterizedClassInvocation
    static void disconnect() {
        client.close();
        vertx.closeAndAwait();
    }

    @BeforeEach
    void createStore() {
        store = replica("200ms", "100ms", changes());
    }

    /** The changes channel of the test's settings. */
    static String changesChannel() {
        return changes();
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(replica -> replica.stop().await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void aSessionEndedOnOneReplicaIsRefusedByAnotherAtOnceThroughTheNotice() {
        NearCachedSessionStore other = replica("1h", "100ms", changes());
        awaitSubscribed();
        Session session = create(store);
        assertTrue(touch(other, session.id()).isPresent());
        assertEquals(1, other.copies(), "the other replica keeps a copy for an hour");
        assertTrue(store.delete(session.id(), OWNER).await().indefinitely());
        Await.until(
                Duration.ofSeconds(2),
                () -> "the other replica still serves an ended session 2 s later",
                () -> touch(other, session.id()).isEmpty());
    }

    @Test
    void withoutTheNoticeACopyOfAnEndedSessionIsServedAtMostForRefresh() {
        Duration refresh = Duration.ofSeconds(2);
        NearCachedSessionStore deaf = replica(refresh.toMillis() + "ms", "100ms", "a channel nobody publishes on");
        Session session = create(store);
        assertTrue(touch(deaf, session.id()).isPresent());
        long fetched = System.nanoTime();
        assertTrue(store.delete(session.id(), OWNER).await().indefinitely());
        assertTrue(touch(deaf, session.id()).isPresent(), "deaf to the notice, the replica still serves its copy");
        Await.until(
                Duration.ofSeconds(5),
                () -> "never refused",
                () -> touch(deaf, session.id()).isEmpty());
        Duration served = Duration.ofNanos(System.nanoTime() - fetched);
        assertTrue(served.compareTo(refresh.plusMillis(500)) < 0, "served " + served + " after its copy was fetched");
    }

    @Test
    void anExpiredSessionIsNeverServedFromACopy() {
        NearCachedSessionStore other = replica("1s", "100ms", changes());
        Session session = create(store);
        assertTrue(touch(other, session.id()).isPresent());
        // Idle for the TTL and the margin of the last writer (the other replica: its refresh): gone in Redis, and every
        // copy is older than its refresh.
        Await.sleep(TTL.plusSeconds(1).plusMillis(300));
        assertTrue(touch(other, session.id()).isEmpty());
        assertTrue(touch(store, session.id()).isEmpty());
    }

    @Test
    void aGracefulStopWritesEveryHeldToolsUsedEntry() {
        NearCachedSessionStore stopping = replica("1h", "1h", changes());
        Session session = create(stopping);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (String tool : List.of("a", "b", "c")) {
            stopping.touch(session.id(), OWNER, new ToolUse(tool, at)).await().indefinitely();
        }
        RedisSessionStore redis = redisStore("1h");
        assertEquals(List.of(), tools(redis, session.id()), "held back: nothing flushes for an hour");
        stopping.stop().await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of("a", "b", "c"), tools(redis, session.id()));
        stopping.touch(session.id(), OWNER, new ToolUse("after", at)).await().indefinitely();
        assertEquals(
                List.of("a", "b", "c", "after").subList(1, 4), tools(redis, session.id()), "stopped: written at once");
    }

    @Test
    void heldEntriesAreWrittenWithinTheFlushDelay() {
        Session session = create(store);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.touch(session.id(), OWNER, new ToolUse("a", at)).await().indefinitely();
        store.touch(session.id(), OWNER, new ToolUse("b", at)).await().indefinitely();
        RedisSessionStore redis = redisStore("200ms");
        Await.until(
                Duration.ofSeconds(2),
                () -> "held entries not written within 2 s: " + tools(redis, session.id()),
                () -> tools(redis, session.id()).equals(List.of("a", "b")));
    }

    @Test
    void aCachedSessionsRequestsCostRedisNothing() {
        NearCachedSessionStore cached = replica("1h", "1h", changes());
        Session session = create(cached);
        long before = sessionCommands();
        for (int i = 0; i < 100; i++) {
            assertTrue(cached.touch(session.id(), OWNER, new ToolUse("t", Instant.now()))
                    .await()
                    .indefinitely()
                    .isPresent());
        }
        assertEquals(0, sessionCommands() - before, "Redis commands for 100 calls of a cached session");
    }

    private static String changes() {
        return RedisSessionStore.changesChannel(switchboard());
    }

    private void awaitSubscribed() {
        Await.until(
                Duration.ofSeconds(5),
                () -> "replicas not subscribed to " + changes(),
                () -> topology.subscribers(changes()) >= replicas.size());
    }

    /** Scripts and plain commands a store sends for a session (the ones it can send on a request's path). */
    private long sessionCommands() {
        return topology.calls("evalsha") + topology.calls("eval") + topology.calls("lrange");
    }

    private static Session create(SessionStore replica) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Session session = new Session(UUID.randomUUID().toString(), OWNER, "2025-11-25", null, null, null, now, now);
        replica.create(session).await().indefinitely();
        return session;
    }

    private static java.util.Optional<Session> touch(SessionStore replica, String id) {
        return replica.touch(id, OWNER, null).await().indefinitely();
    }

    private static List<String> tools(SessionStore replica, String id) {
        return replica.toolsUsed(id).await().indefinitely().stream()
                .map(ToolUse::tool)
                .toList();
    }

    private NearCachedSessionStore replica(String refresh, String flushDelay, String channel) {
        NearCachedSessionStore replica = replica(client, vertx, refresh, flushDelay, channel);
        replicas.add(replica);
        return replica;
    }

    /** A near-cached store over {@code client}, as a replica with these settings builds it. */
    static NearCachedSessionStore replica(
            RedisTopology.Client client, Vertx vertx, String refresh, String flushDelay, String channel) {
        return new NearCachedSessionStore(
                redisStore(client, refresh),
                client.dataSource(),
                channel,
                vertx.getDelegate(),
                JSON,
                Clock.systemUTC(),
                cache(refresh, flushDelay));
    }

    private RedisSessionStore redisStore(String refresh) {
        return redisStore(client, refresh);
    }

    private static RedisSessionStore redisStore(RedisTopology.Client client, String refresh) {
        return new RedisSessionStore(
                client.dataSource(),
                ReplicatedWrites.detecting(client.dataSource()),
                new FleetIndexes(client.dataSource()),
                JSON,
                Clock.systemUTC(),
                switchboard(),
                cache(refresh, "100ms"));
    }

    static SwitchboardConfig switchboard() {
        return ConfigMappings.of(
                SwitchboardConfig.class,
                "switchboard.sessions.ttl",
                TTL.toString(),
                "switchboard.sessions.tools-used-limit",
                Integer.toString(SessionStoreContract.TOOLS_USED_LIMIT));
    }

    private static SessionCacheConfig cache(String refresh, String flushDelay) {
        return ConfigMappings.of(
                SessionCacheConfig.class,
                "switchboard.sessions.near-cache.refresh",
                refresh,
                "switchboard.sessions.near-cache.flush-delay",
                flushDelay);
    }
}
