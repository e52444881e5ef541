package dev.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's fleet index written in batches: one script per batch, nothing for what came and went within one. */
class FleetIndexWriterTest {

    private static final RedisServerResource SERVER = new RedisServerResource();
    private static final Pattern EVALSHA_CALLS = Pattern.compile("cmdstat_evalsha:calls=(\\d+)");

    private static Vertx vertx;
    private static Redis client;
    private static ReactiveRedisDataSource redis;

    @BeforeAll
    static void start() {
        SERVER.start();
        vertx = Vertx.vertx();
        client = Redis.createClient(vertx, new RedisOptions().setConnectionString(SERVER.url()));
        redis = new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));
    }

    @AfterAll
    static void stop() {
        client.close();
        vertx.closeAndAwait();
        SERVER.stop();
    }

    @Test
    void aBatchIsOneScriptThatKeepsOnlyTheNewest() {
        String key = key();
        FleetIndexWriter writer = new FleetIndexWriter(redis, key, 3);
        writer.add("loaded", 0); // the first batch loads the script into Redis
        writer.flush().await().indefinitely();
        command("CONFIG", "RESETSTAT");

        for (int i = 1; i <= 5; i++) {
            writer.add("id-" + i, i);
        }
        writer.flush().await().indefinitely();

        assertEquals(List.of("id-3", "id-4", "id-5"), members(key));
        assertEquals(1, evalshaCalls(), "one script for the batch");
    }

    @Test
    void whatIsCreatedAndDeletedWithinOneBatchCostsNothing() {
        String key = key();
        FleetIndexWriter writer = new FleetIndexWriter(redis, key, FleetIndex.KEPT);
        writer.add("written", 1);
        writer.flush().await().indefinitely();
        command("CONFIG", "RESETSTAT");

        writer.add("brief", 2);
        writer.remove("brief");
        writer.flush().await().indefinitely();
        assertEquals(0, evalshaCalls(), "no command");

        writer.remove("written"); // its addition reached Redis: the removal must too
        writer.flush().await().indefinitely();
        assertEquals(List.of(), members(key));
    }

    @Test
    void aChangeWaitsAtMostTheDelay() {
        String key = key();
        FleetIndexWriter writer = new FleetIndexWriter(redis, key, FleetIndex.KEPT);
        long start = System.nanoTime();
        writer.add("soon", 1);
        Await.until(() -> members(key).contains("soon"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= FleetIndexWriter.DELAY.toMillis() - 5, "written after waiting for others: " + millis);
        // Generous for a loaded CI machine, yet far below the 10 s the wait allows: written by the batch's own timer.
        assertTrue(millis < 2_000, "written by the batch timer, not found by chance later: " + millis);
    }

    @Test
    void aGracefulStopWritesWhatWaits() {
        String sessions = key();
        String tasks = key();
        FleetIndexes indexes = new FleetIndexes(redis);
        indexes.writer(sessions).add("session-1", 1);
        indexes.writer(tasks).add("task-1", 1);

        indexes.onStop(null); // before the batch delay has passed: the stop writes every index itself

        assertEquals(List.of("session-1"), members(sessions));
        assertEquals(List.of("task-1"), members(tasks));
    }

    /**
     * A console listing flushes before it reads: it must see a change whose batch the timer had already sent, and a
     * removal must not overtake that batch (a deleted session then stayed listed and counted).
     */
    @Test
    void aFlushWaitsForTheBatchSentBeforeIt() throws Exception {
        String key = key();
        FleetIndexWriter writer = new FleetIndexWriter(redis, key, FleetIndex.KEPT);
        writer.add("loaded", 0); // the script is known to Redis: the batches below are one command each
        writer.flush().await().indefinitely();
        CompletableFuture<Void> first;
        CompletableFuture<Void> second;
        SERVER.pause();
        try {
            writer.add("brief", 1);
            first = writer.flush().subscribeAsCompletionStage(); // on its way, Redis not answering
            writer.remove("brief");
            second = writer.flush().subscribeAsCompletionStage();
            Thread.sleep(200);
            assertFalse(second.isDone(), "the removal waits for the batch that adds the member");
        } finally {
            SERVER.resume();
        }
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("loaded"), members(key));

        writer.add("listed", 2);
        CompletableFuture<Void> sent = writer.flush().subscribeAsCompletionStage();
        writer.flush().await().indefinitely(); // nothing waits: it completes once the batch on its way is written
        assertTrue(sent.isDone());
        assertTrue(members(key).contains("listed"));
    }

    @Test
    void aBatchRedisRefusesWaitsForTheNext() {
        String key = key();
        FleetIndexWriter writer = new FleetIndexWriter(redis, key, FleetIndex.KEPT);
        command("SET", key, "not a sorted set");
        writer.add("kept", 1);
        assertThrows(
                StoreUnavailableException.class, () -> writer.flush().await().indefinitely());

        command("DEL", key);
        writer.flush().await().indefinitely();
        assertEquals(List.of("kept"), members(key));
    }

    @Test
    void largeBatchesGoInChunks() {
        String key = key();
        FleetIndexWriter writer = new FleetIndexWriter(redis, key, FleetIndex.KEPT);
        int count = FleetIndexWriter.CHUNK * 2 + 500;
        for (int i = 0; i < count; i++) {
            writer.add("id-" + i, i);
        }
        writer.remove("id-0");
        writer.flush().await().indefinitely();
        for (int i = 1; i < count; i += 2) {
            writer.remove("id-" + i);
        }
        writer.flush().await().indefinitely();

        List<String> members = members(key);
        assertEquals(count / 2 - 1, members.size());
        assertFalse(members.contains("id-0"));
        assertTrue(members.contains("id-" + (count - 2)));
    }

    private static String key() {
        return "switchboard:test:fleet:" + System.nanoTime();
    }

    private static List<String> members(String key) {
        return redis.sortedSet(String.class).zrange(key, 0, -1).await().indefinitely();
    }

    private static long evalshaCalls() {
        Matcher calls = EVALSHA_CALLS.matcher(command("INFO", "commandstats"));
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }

    private static String command(String... command) {
        String[] args = java.util.Arrays.copyOfRange(command, 1, command.length);
        return String.valueOf(redis.execute(command[0], args).await().indefinitely());
    }
}
