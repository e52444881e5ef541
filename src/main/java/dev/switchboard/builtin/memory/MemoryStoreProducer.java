package dev.switchboard.builtin.memory;

import dev.switchboard.config.SwitchboardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Keeps memories where sessions are kept ({@code switchboard.sessions.store}): Redis in production, this process's
 * memory in dev mode. Only the chosen store is created, so the memory store never opens a Redis connection.
 */
@ApplicationScoped
class MemoryStoreProducer {

    private static final Logger LOG = Logger.getLogger(MemoryStoreProducer.class);

    @Produces
    @ApplicationScoped
    MemoryStore memoryStore(
            SwitchboardConfig config, Instance<RedisMemoryStore> redis, Instance<InMemoryMemoryStore> memory) {
        MemoryStore store = switch (config.sessions().store()) {
            case REDIS -> redis.get();
            case MEMORY -> memory.get();
        };
        LOG.infof(
                "Long-term memories are kept in %s for %s after last use, at most %d per scope",
                store.kind(), config.memory().retention(), config.memory().maxEntries());
        return store;
    }
}
