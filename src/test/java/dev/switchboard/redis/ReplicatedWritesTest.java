package dev.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.StoreUnavailableException;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.RedisServerResource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes that matter, against a real master and its replica: acknowledged by the replica before they count, refused
 * when it does not answer in time, and plain writes where there is no replica.
 */
class ReplicatedWritesTest {

    private static final RedisServerResource MASTER = new RedisServerResource();
    private static final RedisServerResource ALONE = new RedisServerResource();
    private static final RedisScript SET_SCRIPT = RedisScript.load("session-create");

    private static RedisServerResource replicaServer;
    private static Vertx vertx;
    private static Redis masterClient;
    private static Redis replicaClient;
    private static Redis aloneClient;
    private static ReactiveRedisDataSource master;
    private static ReactiveRedisDataSource replica;
    private static ReactiveRedisDataSource alone;

    @BeforeAll
    static void start() {
        MASTER.start();
        replicaServer = RedisServerResource.replicaOf(MASTER);
        replicaServer.start();
        ALONE.start();
        vertx = Vertx.vertx();
        masterClient = Redis.createClient(vertx, new RedisOptions().setConnectionString(MASTER.url()));
        replicaClient = Redis.createClient(vertx, new RedisOptions().setConnectionString(replicaServer.url()));
        aloneClient = Redis.createClient(vertx, new RedisOptions().setConnectionString(ALONE.url()));
        master = new ReactiveRedisDataSourceImpl(vertx, masterClient, RedisAPI.api(masterClient));
        replica = new ReactiveRedisDataSourceImpl(vertx, replicaClient, RedisAPI.api(replicaClient));
        alone = new ReactiveRedisDataSourceImpl(vertx, aloneClient, RedisAPI.api(aloneClient));
        // Replicating, not still taking the first full copy: only an online replica acknowledges writes.
        Await.until(() -> info(master).contains("state=online"));
    }

    @AfterAll
    static void stop() {
        masterClient.close();
        replicaClient.close();
        aloneClient.close();
        vertx.closeAndAwait();
        replicaServer.stop();
        MASTER.stop();
        ALONE.stop();
    }

    @Test
    void aWriteCountsOnceTheReplicaHasIt() {
        ReplicatedWrites writes = ReplicatedWrites.detecting(master);
        assertEquals(1, writes.acks().await().indefinitely(), "the master has a replica");
        writes.command("SET", "acked:command", "1").await().indefinitely();
        // Acknowledged means on the replica already: read there at once, no waiting.
        assertEquals(
                "1",
                replica.execute("GET", "acked:command").await().indefinitely().toString());

        writes.run(SET_SCRIPT, List.of("acked:hash"), "60000", "level", "info")
                .await()
                .indefinitely();
        assertEquals(
                "info",
                replica.execute("HGET", "acked:hash", "level")
                        .await()
                        .indefinitely()
                        .toString());
    }

    @Test
    void aScriptRedisDoesNotKnowYetIsLoadedInTheSameBatch() {
        master.execute("SCRIPT", "FLUSH").await().indefinitely();
        ReplicatedWrites.detecting(master)
                .run(SET_SCRIPT, List.of("acked:fresh"), "60000", "level", "debug")
                .await()
                .indefinitely();
        assertEquals(
                "debug",
                replica.execute("HGET", "acked:fresh", "level")
                        .await()
                        .indefinitely()
                        .toString());
    }

    @Test
    void aWriteTheReplicaDoesNotAcknowledgeInTimeIsRefused() {
        ReplicatedWrites writes = new ReplicatedWrites(master, 1, Duration.ofMillis(200));
        replicaServer.pause();
        try {
            long start = System.nanoTime();
            StoreUnavailableException refused = assertThrows(
                    StoreUnavailableException.class,
                    () -> writes.command("SET", "unacked", "1").await().atMost(Duration.ofSeconds(5)));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(refused.getMessage().contains("acknowledged by 0 of the 1 replica(s)"), refused.getMessage());
            assertTrue(waited >= 190 && waited < 3000, "waited " + waited + " ms for a 200 ms acknowledgement");
        } finally {
            replicaServer.resume();
        }
    }

    @Test
    void withoutAReplicaWritesDoNotWait() {
        ReplicatedWrites writes = ReplicatedWrites.detecting(alone);
        assertEquals(0, writes.acks().await().indefinitely());
        writes.command("SET", "plain", "1").await().indefinitely();
        assertEquals("1", alone.execute("GET", "plain").await().indefinitely().toString());
        assertEquals(
                0,
                new ReplicatedWrites(alone, 0, Duration.ofSeconds(1))
                        .acks()
                        .await()
                        .indefinitely());
    }

    @Test
    void replicasAreReadFromInfoReplication() {
        assertEquals(1, ReplicatedWrites.replicasIn("# Replication\r\nrole:master\r\nconnected_slaves:2\r\n"));
        assertEquals(0, ReplicatedWrites.replicasIn("# Replication\r\nrole:master\r\nconnected_slaves:0\r\n"));
        assertEquals(1, ReplicatedWrites.replicasIn("# Replication\r\nrole:slave\r\nmaster_host:127.0.0.1\r\n"));
    }

    private static String info(ReactiveRedisDataSource redis) {
        return redis.execute("INFO", "replication").await().indefinitely().toString();
    }
}
