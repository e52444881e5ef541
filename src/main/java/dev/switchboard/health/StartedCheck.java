package dev.switchboard.health;

import dev.switchboard.session.SessionStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once Quarkus has finished starting (registries built, HTTP open). It does not wait for Redis: a replica
 * that started while Redis is away stays alive and un-ready rather than being killed by the startup probe.
 */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

    private final SessionStore sessions;
    private volatile Instant startedAt;

    public StartedCheck(SessionStore sessions) {
        this.sessions = sessions;
    }

    void onStart(@Observes StartupEvent event) {
        startedAt = Instant.now();
    }

    @Override
    public HealthCheckResponse call() {
        Instant started = startedAt;
        return HealthCheckResponse.named("started")
                .status(started != null)
                .withData("startedAt", String.valueOf(started))
                .withData("store", sessions.kind())
                .build();
    }
}
