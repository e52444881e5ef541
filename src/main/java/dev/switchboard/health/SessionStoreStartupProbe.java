package dev.switchboard.health;

import dev.switchboard.session.SessionStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Says once at start-up whether the session store answers. An unreachable Redis does not stop the process (it would
 * crash-loop while Redis starts); readiness stays DOWN until Redis answers.
 */
@ApplicationScoped
class SessionStoreStartupProbe {

    private static final Logger LOG = Logger.getLogger(SessionStoreStartupProbe.class);

    void onStart(@Observes StartupEvent event, SessionStore sessions) {
        sessions.ping()
                .ifNoItem()
                .after(SessionStoreReadinessCheck.TIMEOUT)
                .fail()
                .subscribe()
                .with(
                        ok -> LOG.infof("Session store (%s) is reachable", sessions.kind()),
                        failure -> LOG.warnf(
                                "Session store (%s) is unreachable: %s. Readiness is DOWN until it answers;"
                                        + " check quarkus.redis.hosts",
                                sessions.kind(), failure.getMessage()));
    }
}
