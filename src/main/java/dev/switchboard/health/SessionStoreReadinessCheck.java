package dev.switchboard.health;

import dev.switchboard.session.SessionStore;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the session store answers: a replica that cannot reach Redis must not get traffic. The ping is
 * bounded ({@link #TIMEOUT}) so a hung Redis makes the check DOWN instead of making it hang; the data says which store
 * and how long the ping took.
 */
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
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return sessions.ping()
                    .ifNoItem()
                    .after(TIMEOUT)
                    .fail()
                    .map(ok -> HealthCheckResponse.named("session-store")
                            .up()
                            .withData("store", sessions.kind())
                            .withData("pingMillis", (System.nanoTime() - start) / 1_000_000)
                            .build())
                    .onFailure()
                    .recoverWithItem(failure -> HealthCheckResponse.named("session-store")
                            .down()
                            .withData("store", sessions.kind())
                            .withData("timeoutMillis", TIMEOUT.toMillis())
                            .withData("error", message(failure))
                            .build());
        });
    }

    /** A timeout has no message of its own; say what it means. */
    private static String message(Throwable failure) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return "no answer within " + TIMEOUT.toMillis() + " ms";
        }
        return String.valueOf(failure.getMessage());
    }
}
