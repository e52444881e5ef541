package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A session with an upstream: the session era's (named by the upstream, or none when it keeps none), or the one
 * "session" of a 2026-07-28 upstream, which keeps none.
 *
 * @param id the upstream's {@code Mcp-Session-Id}, or null when it keeps no sessions
 * @param protocolVersion the revision it answered with
 * @param capabilities what it serves, as its {@code initialize} or {@code server/discover} said; null for a session
 *     restored from the store
 */
record UpstreamSession(String id, String protocolVersion, JsonNode capabilities) {

    UpstreamSession(String id, String protocolVersion) {
        this(id, protocolVersion, null);
    }

    /** The upstream speaks 2026-07-28: no session, an envelope in every request. */
    boolean stateless() {
        return id == null && StatelessUpstream.VERSION.equals(protocolVersion);
    }

    /** Whether the upstream said it serves {@code feature} ({@code tools}, {@code resources}, ...). */
    boolean serves(String feature) {
        return capabilities != null && capabilities.has(feature);
    }
}
