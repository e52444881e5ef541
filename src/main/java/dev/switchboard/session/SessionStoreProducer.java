package dev.switchboard.session;

import dev.switchboard.config.SwitchboardConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Picks the session store named by {@code switchboard.sessions.store}. Only the chosen one is created, so the memory
 * store never opens a Redis connection.
 */
@ApplicationScoped
class SessionStoreProducer {

    private static final Logger LOG = Logger.getLogger(SessionStoreProducer.class);

    @Produces
    @ApplicationScoped
    SessionStore sessionStore(
            SwitchboardConfig config,
            Instance<RedisSessionStore> redis,
            Instance<InMemorySessionStore> memory,
            MeterRegistry meters) {
        SessionStore store = switch (config.sessions().store()) {
            case REDIS -> redis.get();
            case MEMORY -> memory.get();
        };
        LOG.infof(
                "Sessions are kept in %s with a sliding TTL of %s",
                store.kind(), config.sessions().ttl());
        // Every operation is timed and feeds the session gauges (see MeteredSessionStore).
        return new MeteredSessionStore(store, meters, config.sessions().ttl());
    }
}
