package dev.switchboard.health;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.SwitchboardConfig.StoreKind;
import dev.switchboard.session.SessionStore;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Start-up waits for the Redis store ({@code switchboard.sessions.redis-start-timeout}) and stops with one line naming
 * {@code REDIS_URL} when it does not answer: a replica that can serve nothing says why, and Kubernetes restarts it
 * until Redis is there. With the timeout at {@code 0s} it starts anyway and readiness stays DOWN until Redis answers.
 */
@ApplicationScoped
class SessionStoreStartupProbe {

    private static final Logger LOG = Logger.getLogger(SessionStoreStartupProbe.class);

    void onStart(
            @Observes StartupEvent event,
            SessionStore sessions,
            SwitchboardConfig config,
            @ConfigProperty(name = "quarkus.redis.hosts") Optional<String> redisHosts) {
        Duration wait = config.sessions().redisStartTimeout();
        if (config.sessions().store() != StoreKind.REDIS || wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            // runs on the main thread before the HTTP server opens: blocking here delays start-up, nothing else
            sessions.ping()
                    .ifNoItem()
                    .after(SessionStoreReadinessCheck.TIMEOUT)
                    .fail()
                    .onFailure()
                    .retry()
                    .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1))
                    .expireIn(wait.toMillis())
                    .await()
                    .atMost(wait.plus(SessionStoreReadinessCheck.TIMEOUT));
            LOG.infof("Session store (%s) is reachable", sessions.kind());
        } catch (RuntimeException e) {
            // no cause: Quarkus prints a ConfigurationException's message alone only when it is the root cause
            throw new ConfigurationException("Redis at "
                    + redisHosts.map(SessionStoreStartupProbe::withoutPassword).orElse("(quarkus.redis.hosts unset)")
                    + " did not answer within " + wait.toSeconds() + " s ("
                    + reason(e) + "). Start Redis there, or set REDIS_URL to where it runs"
                    + " (e.g. redis://:password@redis:6379/0); for a single-replica trial without Redis, set"
                    + " SWITCHBOARD_SESSIONS_STORE=memory.");
        }
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The Redis URLs as configured, minus their user info: a REDIS_URL may carry the password. */
    static String withoutPassword(String hosts) {
        StringBuilder shown = new StringBuilder();
        for (String host : hosts.split(",")) {
            if (shown.length() > 0) {
                shown.append(',');
            }
            try {
                URI uri = URI.create(host.trim());
                shown.append(
                        uri.getRawUserInfo() == null
                                ? uri.toString()
                                : new URI(
                                                uri.getScheme(),
                                                null,
                                                uri.getHost(),
                                                uri.getPort(),
                                                uri.getPath(),
                                                null,
                                                null)
                                        .toString());
            } catch (IllegalArgumentException | java.net.URISyntaxException e) {
                shown.append("(an invalid URL)");
            }
        }
        return shown.toString();
    }
}
