package dev.switchboard.session;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Picks the session store named by {@code switchboard.sessions.store}. Only the chosen one is created, so the memory
 * store never opens a Redis connection. The Redis store gets its near cache unless it is turned off.
 */
@Singleton
class SessionStoreProducer {

    private static final Logger LOG = Logger.getLogger(SessionStoreProducer.class);
    /** How long a graceful stop waits for the near cache's last tools_used writes. */
    private static final Duration LAST_WRITES = Duration.ofSeconds(5);

    private volatile NearCachedSessionStore nearCached;

    @Produces
    @Singleton
    SessionStore sessionStore(
            SwitchboardConfig config,
            SessionCacheConfig cache,
            Instance<RedisSessionStore> redis,
            Instance<InMemorySessionStore> memory,
            Instance<ReactiveRedisDataSource> data,
            Vertx vertx,
            JsonCodec json,
            Clock clock,
            MeterRegistry meters) {
        SessionStore store = switch (config.sessions().store()) {
            case REDIS ->
                cache.enabled() ? nearCached(config, cache, redis.get(), data.get(), vertx, json, clock) : redis.get();
            case MEMORY -> memory.get();
        };
        LOG.infof(
                "Sessions are kept in %s with a sliding TTL of %s%s",
                store.kind(),
                config.sessions().ttl(),
                nearCached == null
                        ? ""
                        : ", each replica asking Redis at most every " + cache.refresh() + " per session");
        // Every operation is timed and feeds the session gauges (see MeteredSessionStore).
        return new MeteredSessionStore(store, meters, config.sessions().ttl());
    }

    private SessionStore nearCached(
            SwitchboardConfig config,
            SessionCacheConfig cache,
            RedisSessionStore redis,
            ReactiveRedisDataSource data,
            Vertx vertx,
            JsonCodec json,
            Clock clock) {
        nearCached = new NearCachedSessionStore(
                redis, data, RedisSessionStore.changesChannel(config), vertx, json, clock, cache);
        return nearCached;
    }

    /** A graceful stop writes the tools_used entries the near cache holds back. */
    void onStop(@Observes ShutdownEvent event) {
        NearCachedSessionStore store = nearCached;
        if (store != null) {
            try {
                store.stop().await().atMost(LAST_WRITES);
            } catch (RuntimeException e) {
                LOG.warnf("Some tools_used entries were not written before stopping: %s", e.getMessage());
            }
        }
    }
}
