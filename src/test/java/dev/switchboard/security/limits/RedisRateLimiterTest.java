package dev.switchboard.security.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Await;
import dev.switchboard.testing.RedisTopology;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The limiter contract on a real Redis of each topology (time passes for real: Redis's clock decides), plus the key
 * layout and expiry, and two replicas, each with its own Redis client, sharing one limit.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(RedisTopology.class)
class RedisRateLimiterTest extends RateLimiterContract {

    private static Vertx vertx;
    private static RedisTopology.Client clientA;
    private static RedisTopology.Client clientB;

    @Parameter
    RedisTopology topology;

    private RedisRateLimiter limiter;
    private ReactiveRedisDataSource replicaA;

    @BeforeParameterizedClassInvocation
    static void connect(RedisTopology topology) {
        vertx = Vertx.vertx();
        clientA = topology.client(vertx);
        clientB = topology.client(vertx);
    }

    @AfterParameterizedClassInvocation
    static void disconnect() {
        clientA.close();
        clientB.close();
        vertx.closeAndAwait();
    }

    @BeforeEach
    void createLimiter() {
        replicaA = clientA.dataSource();
        limiter = new RedisRateLimiter(replicaA, "switchboard");
    }

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }

    @Override
    protected void elapse(Duration duration) {
        Await.sleep(duration);
    }

    @Override
    protected Duration slack() {
        return Duration.ofMillis(250); // a loaded 2-core machine between two acquires
    }

    private String command(String... args) {
        var reply = replicaA.execute(args[0], Arrays.copyOfRange(args, 1, args.length))
                .await()
                .atMost(Duration.ofSeconds(5));
        return reply == null ? null : reply.toString();
    }

    @Test
    void aBucketIsOneHashedKeyThatExpiresWhenFull() {
        String key = "principal:{alice}\n" + "x".repeat(5000);
        String bucket = limiter.bucketKey(key);
        assertTrue(bucket.matches("switchboard:rate:[A-Za-z0-9_-]{22}"), bucket);

        assertTrue(acquire(key).allowed());
        long pttl = Long.parseLong(command("PTTL", bucket));
        assertTrue(pttl > 0 && pttl <= INTERVAL.toMillis(), "one permit taken: full again in one interval, " + pttl);
        for (int i = 1; i < LIMIT.permits(); i++) {
            assertTrue(acquire(key).allowed());
        }
        pttl = Long.parseLong(command("PTTL", bucket));
        assertTrue(
                pttl > LIMIT.window().toMillis() - slack().toMillis()
                        && pttl <= LIMIT.window().toMillis(),
                "all permits taken: full again in one window, " + pttl + " ms");

        List<String> time = new ArrayList<>();
        replicaA.execute("TIME").await().indefinitely().forEach(part -> time.add(part.toString()));
        long redisNowMicros = Long.parseLong(time.get(0)) * 1_000_000 + Long.parseLong(time.get(1));
        long tat = Long.parseLong(command("GET", bucket)); // exact epoch microseconds, not '1.7e+15'
        assertTrue(
                tat > redisNowMicros && tat <= redisNowMicros + LIMIT.window().toNanos() / 1000,
                "theoretical arrival time " + tat + " at Redis time " + redisNowMicros);

        elapse(Duration.ofMillis(pttl + 50));
        assertEquals("0", command("EXISTS", bucket), "an idle bucket vanishes");
        exhaust(key);
    }

    @Test
    void aFlushedScriptIsSentAgain() {
        topology.flushScripts(); // on every server: a cluster keeps scripts per node
        assertTrue(acquire(newKey()).allowed());
    }

    @Test
    void twoReplicasTogetherAllowNoMoreThanTheLimit() {
        RateLimiter onA = limiter;
        RateLimiter onB = new RedisRateLimiter(clientB.dataSource(), "switchboard");
        String key = newKey();
        RateLimit limit = new RateLimit(50, Duration.ofHours(1));
        List<Uni<RateDecision>> acquires = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            acquires.add(onA.acquire(key, limit));
            acquires.add(onB.acquire(key, limit));
        }
        List<RateDecision> decisions =
                Uni.join().all(acquires).andFailFast().await().atMost(Duration.ofSeconds(10));
        long allowed = decisions.stream().filter(RateDecision::allowed).count();
        assertEquals(50, allowed, "200 acquires from two replicas at once");
        assertFalse(onB.acquire(key, limit).await().indefinitely().allowed());
        assertFalse(onA.acquire(key, limit).await().indefinitely().allowed());
    }
}
