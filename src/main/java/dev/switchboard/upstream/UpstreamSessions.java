package dev.switchboard.upstream;

import dev.switchboard.api.ScoredCollection;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolState;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The upstream session of each of our sessions, for one upstream: opened on first use and kept with our session in the
 * session store (Redis in production), so a call arriving on any replica continues it and it expires with ours. Each
 * replica remembers the ones it used lately, so a call reads the store only the first time.
 */
final class UpstreamSessions {

    /** What the session store keeps for one upstream in one of our sessions. */
    @RegisterForReflection
    record Stored(String upstream, String id, String protocolVersion) {}

    private static final String COLLECTION = "upstream-sessions";
    private static final int REMEMBERED = 10_000;

    private final UpstreamServer server;
    private final ToolState state;
    private final Map<String, UpstreamServer.Session> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UpstreamServer.Session> eldest) {
            return size() > REMEMBERED;
        }
    };

    UpstreamSessions(UpstreamServer server, ToolState state) {
        this.server = server;
        this.state = state;
    }

    /** The upstream session of the caller's session, opened when it has none. */
    UpstreamServer.Session of(ToolContext context) {
        synchronized (recent) {
            UpstreamServer.Session known = recent.get(context.sessionId());
            if (known != null) {
                return known;
            }
        }
        ScoredCollection<Stored> stored = stored(context);
        for (Stored entry : stored.range(0, 0)) {
            if (entry.upstream().equals(server.name())) {
                return remember(context, new UpstreamServer.Session(entry.id(), entry.protocolVersion()));
            }
        }
        return open(context, stored);
    }

    /** A new upstream session for the caller's session, after the upstream lost the one it had. */
    UpstreamServer.Session renew(ToolContext context, UpstreamServer.Session lost) {
        ScoredCollection<Stored> stored = stored(context);
        stored.remove(new Stored(server.name(), lost.id(), lost.protocolVersion()));
        return open(context, stored);
    }

    private UpstreamServer.Session open(ToolContext context, ScoredCollection<Stored> stored) {
        UpstreamServer.Session session = server.open();
        stored.add(0, new Stored(server.name(), session.id(), session.protocolVersion()));
        return remember(context, session);
    }

    private UpstreamServer.Session remember(ToolContext context, UpstreamServer.Session session) {
        synchronized (recent) {
            recent.put(context.sessionId(), session);
        }
        return session;
    }

    private ScoredCollection<Stored> stored(ToolContext context) {
        return state.of(null, context).collection(COLLECTION, Stored.class);
    }
}
