package dev.switchboard.security.limits;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.redis.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Buckets in Redis, shared by every replica: GCRA (the generic cell rate algorithm) in one Lua script,
 * {@code redis/rate-acquire.lua}. A bucket is a single string key holding its theoretical arrival time, so an acquire
 * is one {@code EVALSHA}, whatever the limit, and no per-request entries pile up. The time is Redis's ({@code TIME}),
 * so replicas with skewed clocks agree. The key expires when the bucket is full again, so idle buckets vanish.
 *
 * <p>Key: {@code <prefix>:rate:<h>}, where {@code h} is the first 128 bits of SHA-256 of the caller's key,
 * Base64url: fixed length whatever the client sent, no Redis Cluster hash-tag braces, and no principal names or
 * session ids readable in Redis.
 */
@Singleton
@Typed(RedisRateLimiter.class)
public class RedisRateLimiter implements RateLimiter {

    private static final int HASH_BYTES = 16;
    private static final MessageDigest SHA_256 = sha256();

    private final RedisScript acquireScript = RedisScript.load("rate-acquire");
    private final ReactiveRedisDataSource redis;
    private final String keyPrefix;

    @Inject
    public RedisRateLimiter(ReactiveRedisDataSource redis, SwitchboardConfig config) {
        this(redis, config.sessions().redisKeyPrefix());
    }

    public RedisRateLimiter(ReactiveRedisDataSource redis, String redisKeyPrefix) {
        this.redis = redis;
        this.keyPrefix = redisKeyPrefix + ":rate:";
    }

    @Override
    public Uni<RateDecision> acquire(String key, RateLimit limit) {
        return acquireScript
                .run(
                        redis,
                        List.of(bucketKey(key)),
                        Long.toString(limit.emissionIntervalMicros()),
                        Integer.toString(limit.permits()))
                .map(RedisRateLimiter::decision);
    }

    @Override
    public String kind() {
        return "redis";
    }

    /** The Redis key of the bucket {@code key}. */
    public String bucketKey(String key) {
        MessageDigest digest = digest();
        byte[] hash = digest.digest(key.getBytes(StandardCharsets.UTF_8));
        return keyPrefix + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, HASH_BYTES));
    }

    private static RateDecision decision(Response reply) {
        if (reply.get(0).toInteger() == 1) {
            return RateDecision.allowed(reply.get(1).toLong());
        }
        return RateDecision.refused(Duration.ofNanos(reply.get(2).toLong() * 1_000L));
    }

    private static MessageDigest digest() {
        try {
            // A clone is much cheaper than getInstance's provider lookup, and each acquire needs its own.
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
