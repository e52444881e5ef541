package dev.switchboard.redis;

import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes that must survive a Redis master's crash, under {@code switchboard.redis}: session creation, calendar and
 * memory writes, task creation and changes, stream events. Each is acknowledged by replicas ({@code WAIT}) before the
 * client hears of its success.
 */
@ConfigMapping(prefix = "switchboard.redis")
public interface ReplicaAckConfig extends CheckedSettings {

    /**
     * How many replicas must hold such a write before it counts: 0 turns acknowledgements off. Unset, it is 1 when the
     * Redis master has a replica (Sentinel, Cluster, a replicated standalone), else 0; checked on the first write and
     * again every minute, so a replica added later is waited for.
     */
    Optional<Integer> replicaAcks();

    /**
     * How long a write waits for its replicas. A write they have not acknowledged by then is refused ({@code 503} with
     * {@code Retry-After}): the master has it, but a failover could lose it, so the client is not told it succeeded.
     */
    @WithDefault("1s")
    Duration replicaAckTimeout();

    @Override
    default void check(SettingsProblems problems) {
        problems.atLeast("replica-ack-timeout", replicaAckTimeout(), Duration.ofMillis(1));
        replicaAcks().ifPresent(acks -> problems.atLeast("replica-acks", acks, 0));
    }
}
