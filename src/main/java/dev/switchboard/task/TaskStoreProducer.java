package dev.switchboard.task;

import dev.switchboard.config.SwitchboardConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Keeps tasks where sessions are kept ({@code switchboard.sessions.store}): shared in Redis, or in this process. */
@Singleton
class TaskStoreProducer {

    @Produces
    @Singleton
    TaskStore taskStore(SwitchboardConfig config, Instance<RedisTaskStore> redis, Instance<InMemoryTaskStore> memory) {
        return switch (config.sessions().store()) {
            case REDIS -> redis.get();
            case MEMORY -> memory.get();
        };
    }

    @Produces
    @Singleton
    TaskLeases taskLeases(SwitchboardConfig config, Instance<RedisTaskLeases> redis) {
        return switch (config.sessions().store()) {
            case REDIS -> redis.get();
            case MEMORY -> TaskLeases.NONE; // the tasks live and die with this process
        };
    }
}
