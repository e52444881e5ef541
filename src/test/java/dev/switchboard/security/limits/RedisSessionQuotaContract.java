package dev.switchboard.security.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Await;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session-quota contract on a real Redis of each topology (its clock runs in real time), plus the key's layout and TTL. */
public abstract class RedisSessionQuotaContract extends SessionQuotaContract {

    @Inject
    ReactiveRedisDataSource reactive;

    @Inject
    RedisDataSource redis;

    @Inject
    SessionQuota configured;

    @Override
    protected SessionQuota quota(int maxPerPrincipal) {
        return new RedisSessionQuota(reactive, "switchboard", TTL, maxPerPrincipal);
    }

    @Override
    protected void elapse(Duration duration) {
        Await.sleep(duration);
    }

    @Test
    void theOwnersSortedSetHoldsItsSessionsWithTheSessionTtl() {
        RedisSessionQuota quota = new RedisSessionQuota(reactive, "switchboard", TTL, MAX);
        String key = "switchboard:owner:{" + owner + "}:sessions";
        assertEquals(key, quota.ownerKey(owner));
        long before = System.currentTimeMillis();
        quota.admit(owner, "s0").await().indefinitely();
        quota.admit(owner, "s1").await().indefinitely();

        assertEquals(List.of("s0", "s1"), redis.sortedSet(String.class).zrange(key, 0, -1));
        double admittedAt = redis.sortedSet(String.class).zscore(key, "s0").orElseThrow();
        assertTrue(Math.abs(admittedAt - before) < 2_000, "scored by Redis's clock in epoch ms: " + admittedAt);
        long pttl = redis.key().pttl(key);
        assertTrue(pttl > 0 && pttl <= TTL.toMillis(), "PTTL " + pttl);

        quota.release(owner, "s0").await().indefinitely();
        assertEquals(List.of("s1"), redis.sortedSet(String.class).zrange(key, 0, -1));
    }

    @Test
    void theRedisStoreGetsTheRedisQuotaWithTheDefaultMaximum() {
        assertTrue(configured.admit(owner, "s0").await().indefinitely());
        assertTrue(redis.key().exists("switchboard:owner:{" + owner + "}:sessions"));
        for (int i = 1; i < 100; i++) {
            assertTrue(configured.admit(owner, "s" + i).await().indefinitely());
        }
        assertFalse(configured.admit(owner, "s100").await().indefinitely(), "the default maximum is 100");
    }

    @Test
    void aRefusalRecordsNothing() {
        RedisSessionQuota quota = new RedisSessionQuota(reactive, "switchboard", TTL, 1);
        assertTrue(quota.admit(owner, "s0").await().indefinitely());
        assertFalse(quota.admit(owner, "s1").await().indefinitely());
        assertEquals(List.of("s0"), redis.sortedSet(String.class).zrange(quota.ownerKey(owner), 0, -1));
    }

    @Test
    void theKeyDisappearsOneTtlAfterTheLastAdmission() {
        RedisSessionQuota quota = new RedisSessionQuota(reactive, "switchboard", Duration.ofMillis(300), MAX);
        quota.admit(owner, "s0").await().indefinitely();
        assertTrue(redis.key().exists(quota.ownerKey(owner)));
        elapse(Duration.ofMillis(500));
        assertFalse(redis.key().exists(quota.ownerKey(owner)));
    }

    @Test
    void unlimitedWritesNothingToRedis() {
        RedisSessionQuota quota = new RedisSessionQuota(reactive, "switchboard", TTL, 0);
        assertTrue(quota.admit(owner, "s0").await().indefinitely());
        assertFalse(redis.key().exists(quota.ownerKey(owner)));
    }
}
