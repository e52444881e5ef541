package dev.switchboard.security.limits;

import dev.switchboard.config.SwitchboardConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the buckets where sessions are kept ({@code switchboard.sessions.store}): Redis, shared by the replicas, or
 * this process's memory. Only the chosen limiter is created, so the memory one never opens a Redis connection.
 */
@Singleton
class RateLimiterProducer {

    @Produces
    @Singleton
    RateLimiter rateLimiter(
            SwitchboardConfig config, Instance<RedisRateLimiter> redis, Instance<InMemoryRateLimiter> memory) {
        return switch (config.sessions().store()) {
            case REDIS -> redis.get();
            case MEMORY -> memory.get();
        };
    }
}
