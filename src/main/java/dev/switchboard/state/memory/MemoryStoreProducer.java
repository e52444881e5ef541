package dev.switchboard.state.memory;

import dev.switchboard.api.memory.MemoryStore;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps memories where sessions are kept ({@code switchboard.sessions.store}): Redis in production, this process's
 * memory in dev mode. Only the chosen store is created, so the memory store never opens a Redis connection.
 */
@Singleton
class MemoryStoreProducer {

    private static final Logger LOG = Logger.getLogger(MemoryStoreProducer.class);

    /** Where memories live: in the session store's kind of store ({@code switchboard.sessions.store}). */
    enum Kind {
        REDIS,
        MEMORY
    }

    @Produces
    @Singleton
    MemoryStore memoryStore(
            @ConfigProperty(name = "switchboard.sessions.store") Kind kind,
            MemoryStoreConfig config,
            Instance<RedisMemoryStore> redis,
            Instance<InMemoryMemoryStore> memory) {
        MemoryStore store = switch (kind) {
            case REDIS -> redis.get();
            case MEMORY -> memory.get();
        };
        LOG.infof(
                "Long-term memories are kept in %s for %s after last use, at most %d per scope",
                store.kind(), config.retention(), config.maxEntries());
        return store;
    }
}
