package dev.switchboard.security.limits;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.redis.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The session quota in Redis, shared by every replica.
 *
 * <p>Layout: {@code <prefix>:owner:{owner}:sessions}, a sorted set of the owner's session ids scored by admission
 * time (epoch ms, Redis's clock, so replicas with skewed clocks agree). The owner in braces is a hash tag, so the key
 * is one cluster slot of its own. An admission is one Lua script (one round trip): drop the admissions one TTL old,
 * compare the count with the maximum, add the session and set the key's TTL to the session TTL, so an owner that
 * stops creating sessions disappears from Redis one TTL after its last admission. The set never holds more than the
 * maximum. A release is one {@code ZREM}.
 */
@Singleton
@Typed(RedisSessionQuota.class)
public class RedisSessionQuota implements SessionQuota {

    private static final Uni<Boolean> ADMITTED = Uni.createFrom().item(Boolean.TRUE);
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    private final RedisScript admitScript = RedisScript.load("session-quota-admit");

    private final ReactiveRedisDataSource redis;
    private final String keyPrefix;
    private final String ttlMillis;
    private final String max;
    private final boolean unlimited;

    @Inject
    public RedisSessionQuota(ReactiveRedisDataSource redis, SwitchboardConfig config, SessionQuotaConfig quotaConfig) {
        this(redis, config.sessions().redisKeyPrefix(), config.sessions().ttl(), quotaConfig.maxPerPrincipal());
    }

    public RedisSessionQuota(
            ReactiveRedisDataSource redis, String redisKeyPrefix, Duration sessionTtl, int maxPerPrincipal) {
        this.redis = redis;
        this.keyPrefix = redisKeyPrefix + ":owner:{";
        this.ttlMillis = Long.toString(sessionTtl.toMillis());
        this.max = Integer.toString(maxPerPrincipal);
        this.unlimited = maxPerPrincipal == 0;
    }

    @Override
    public Uni<Boolean> admit(String owner, String sessionId) {
        if (unlimited) {
            return ADMITTED; // no cap: no round trip, nothing recorded
        }
        return admitScript
                .run(redis, List.of(ownerKey(owner)), ttlMillis, max, sessionId)
                .map(reply -> reply.toInteger() == 1);
    }

    @Override
    public Uni<Void> release(String owner, String sessionId) {
        if (unlimited) {
            return DONE;
        }
        return RedisScript.command(redis, "ZREM", ownerKey(owner), sessionId).replaceWithVoid();
    }

    /** The owner's sorted set; public so tests and operators can find it. */
    public String ownerKey(String owner) {
        return keyPrefix + owner + "}:sessions";
    }
}
