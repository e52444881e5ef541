package dev.switchboard.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once this replica hears its Redis channels: until then, events and answers other replicas forward here
 * are lost to pub/sub, so it must not take traffic (at start-up, and while a lost subscription is renewed). Reads a
 * flag: it never waits.
 */
@Readiness
@ApplicationScoped
public class ReplicaChannelsReadinessCheck implements HealthCheck {

    private final ReplicaBus bus;

    public ReplicaChannelsReadinessCheck(ReplicaBus bus) {
        this.bus = bus;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("replica-channels")
                .status(bus.listening())
                .build();
    }
}
