package dev.switchboard.stream;

import dev.switchboard.config.SwitchboardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The event log follows the session store: in Redis with the Redis store, in this process with the memory one. */
@ApplicationScoped
class EventLogProducer {

    @Produces
    @ApplicationScoped
    EventLog eventLog(SwitchboardConfig config, Instance<RedisEventLog> redis, Instance<InMemoryEventLog> memory) {
        return switch (config.sessions().store()) {
            case REDIS -> redis.get();
            case MEMORY -> memory.get();
        };
    }
}
