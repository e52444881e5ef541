package dev.switchboard.upstream;

import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ScoredCollection;
import dev.switchboard.api.StateScope;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolState;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The upstream session of each of our sessions, for one upstream: opened on first use and kept with our session in the
 * session store (Redis in production), so a call arriving on any replica continues it and it expires with ours. Each
 * replica remembers the ones it used lately, so a call reads the store only the first time.
 */
final class UpstreamSessions {

    /** What the session store keeps for one upstream in one of our sessions. */
    @RegisterForReflection
    record Stored(String upstream, String id, String protocolVersion) {}

    static final String COLLECTION = "upstream-sessions";
    private static final int REMEMBERED = 10_000;

    private final UpstreamServer server;
    private final ToolState state;
    private final Map<String, UpstreamSession> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UpstreamSession> eldest) {
            return size() > REMEMBERED;
        }
    };

    UpstreamSessions(UpstreamServer server, ToolState state) {
        this.server = server;
        this.state = state;
    }

    /** The upstream session of a tool caller's session, opened when it has none. */
    UpstreamSession of(ToolContext context) {
        return of(context.sessionId(), () -> state.of(null, context));
    }

    /** The upstream session of a resource reader's session, opened when it has none. */
    UpstreamSession of(ResourceContext context) {
        return of(
                context.sessionId(),
                () -> state.ofSession(context).orElseThrow(() -> new UpstreamException("The session has ended")));
    }

    /** A new upstream session for the caller's session, after the upstream lost the one it had. */
    UpstreamSession renew(String sessionId, Supplier<StateScope> scope, UpstreamSession lost) {
        ScoredCollection<Stored> stored = stored(scope);
        stored.remove(new Stored(server.name(), lost.id(), lost.protocolVersion()));
        return open(sessionId, stored);
    }

    UpstreamSession renew(ToolContext context, UpstreamSession lost) {
        return renew(context.sessionId(), () -> state.of(null, context), lost);
    }

    UpstreamSession renew(ResourceContext context, UpstreamSession lost) {
        return renew(
                context.sessionId(),
                () -> state.ofSession(context).orElseThrow(() -> new UpstreamException("The session has ended")),
                lost);
    }

    private UpstreamSession of(String sessionId, Supplier<StateScope> scope) {
        synchronized (recent) {
            UpstreamSession known = recent.get(sessionId);
            if (known != null) {
                return known;
            }
        }
        ScoredCollection<Stored> stored = stored(scope);
        for (Stored entry : stored.range(0, 0)) {
            if (entry.upstream().equals(server.name())) {
                return remember(sessionId, new UpstreamSession(entry.id(), entry.protocolVersion()));
            }
        }
        return open(sessionId, stored);
    }

    private UpstreamSession open(String sessionId, ScoredCollection<Stored> stored) {
        UpstreamSession session = server.open();
        if (session.stateless()) {
            return session; // a 2026-07-28 upstream keeps no session: nothing to keep or continue
        }
        stored.add(0, new Stored(server.name(), session.id(), session.protocolVersion()));
        return remember(sessionId, session);
    }

    private UpstreamSession remember(String sessionId, UpstreamSession session) {
        synchronized (recent) {
            recent.put(sessionId, session);
        }
        return session;
    }

    /** Forgets a session of ours that ended (its upstream session is being ended). */
    void forget(String sessionId) {
        synchronized (recent) {
            recent.remove(sessionId);
        }
    }

    private static ScoredCollection<Stored> stored(Supplier<StateScope> scope) {
        return scope.get().collection(COLLECTION, Stored.class);
    }
}
