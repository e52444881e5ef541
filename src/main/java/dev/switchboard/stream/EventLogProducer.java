package dev.switchboard.stream;

import dev.switchboard.config.SwitchboardConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The event log follows the session store: in Redis with the Redis store, in this process with the memory one. */
@Singleton
class EventLogProducer {

    @Produces
    @Singleton
    EventLog eventLog(SwitchboardConfig config, Instance<RedisEventLog> redis, Instance<InMemoryEventLog> memory) {
        return switch (config.sessions().store()) {
            case REDIS -> redis.get();
            case MEMORY -> memory.get();
        };
    }
}
