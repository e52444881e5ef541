package dev.switchboard.cluster;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.protocol.core.Replicas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** Replicas share work through Redis with the Redis store; with the memory store this process is alone. */
@ApplicationScoped
class ReplicasProducer {

    @Produces
    @ApplicationScoped
    Replicas replicas(SwitchboardConfig config, Instance<RedisReplicas> redis) {
        return config.sessions().store() == SwitchboardConfig.StoreKind.REDIS ? redis.get() : Replicas.NONE;
    }
}
