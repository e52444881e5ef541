package dev.switchboard.security.limits;

import dev.switchboard.config.SwitchboardConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Keeps the session quota where sessions are kept ({@code switchboard.sessions.store}): Redis in production, shared by
 * every replica; this process's memory in dev mode. Only the chosen one is created, so the memory quota never opens
 * a Redis connection.
 */
@Singleton
class SessionQuotaProducer {

    private static final Logger LOG = Logger.getLogger(SessionQuotaProducer.class);

    @Produces
    @Singleton
    SessionQuota sessionQuota(
            SwitchboardConfig config,
            SessionQuotaConfig quotaConfig,
            Instance<RedisSessionQuota> redis,
            Instance<InMemorySessionQuota> memory) {
        SessionQuota quota = switch (config.sessions().store()) {
            case REDIS -> redis.get();
            case MEMORY -> memory.get();
        };
        int max = quotaConfig.maxPerPrincipal();
        if (max == 0) {
            LOG.info("Sessions per principal are not limited");
        } else {
            LOG.infof(
                    "Each principal may hold %d sessions at once (counted in %s, each for at most %s)",
                    max,
                    config.sessions().store().name().toLowerCase(Locale.ROOT),
                    config.sessions().ttl());
        }
        return quota;
    }
}
