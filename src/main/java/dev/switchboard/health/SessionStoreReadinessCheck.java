package dev.switchboard.health;

import dev.switchboard.session.SessionStore;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the session store answers: a replica that cannot reach Redis must not get traffic. */
@Readiness
@ApplicationScoped
public class SessionStoreReadinessCheck implements AsyncHealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final SessionStore sessions;

    public SessionStoreReadinessCheck(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return sessions.ping()
                .ifNoItem()
                .after(TIMEOUT)
                .fail()
                .map(ok -> HealthCheckResponse.named("session-store")
                        .up()
                        .withData("store", sessions.kind())
                        .build())
                .onFailure()
                .recoverWithItem(failure -> HealthCheckResponse.named("session-store")
                        .down()
                        .withData("store", sessions.kind())
                        .withData("error", String.valueOf(failure.getMessage()))
                        .build());
    }
}
