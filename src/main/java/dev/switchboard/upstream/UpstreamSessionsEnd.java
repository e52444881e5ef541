package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.session.SessionEndHook;
import dev.switchboard.session.SessionStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * When one of our sessions ends, its upstream sessions end too ({@code DELETE} to each upstream), from whichever
 * replica ends it: their ids are read from the session's state before that is deleted.
 */
@ApplicationScoped
class UpstreamSessionsEnd implements SessionEndHook {

    private static final Logger LOG = Logger.getLogger(UpstreamSessionsEnd.class);

    private final UpstreamMounts mounts;
    private final SessionStore sessions;
    private final ObjectMapper mapper;

    UpstreamSessionsEnd(UpstreamMounts mounts, SessionStore sessions, ObjectMapper mapper) {
        this.mounts = mounts;
        this.sessions = sessions;
        this.mapper = mapper;
    }

    @Override
    public Uni<Runnable> prepare(String sessionId) {
        if (!mounts.any()) {
            return Uni.createFrom().item(NOTHING); // no upstream: not even a read
        }
        return sessions.entries(sessionId, UpstreamSessions.COLLECTION, 0, 0).map(entries -> {
            List<UpstreamSessions.Stored> stored = new ArrayList<>();
            for (String entry : entries) {
                try {
                    stored.add(mapper.readValue(entry, UpstreamSessions.Stored.class));
                } catch (java.io.IOException e) {
                    LOG.debugf("Session %s: unreadable upstream session entry left to expire", sessionId);
                }
            }
            return stored.isEmpty() ? NOTHING : () -> mounts.endSessions(sessionId, stored);
        });
    }
}
