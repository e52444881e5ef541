package dev.switchboard.protocol.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.LogLevel;
import dev.switchboard.api.Principal;
import dev.switchboard.session.Session;

/**
 * Who sent a request and what it declared. In the session era this comes from the session ({@code initialize}); in
 * 2026-07-28 from the request's own {@code _meta}, as nothing is remembered between requests.
 *
 * @param sessionId the session, or null for a stateless (2026-07-28) request
 * @param protocolVersion the revision the request is served under
 * @param clientCapabilities what the client can do (sampling, elicitation, roots), or null when it declared nothing
 * @param logThreshold the least severe log level to send, or null to send no log notifications
 * @param principal who sent it: the owner of the session, workspaces and memories it uses, and the scopes it holds
 */
public record Caller(
        String sessionId,
        String protocolVersion,
        ObjectNode clientInfo,
        ObjectNode clientCapabilities,
        LogLevel logThreshold,
        Principal principal) {

    /** A session-era caller: the session's declarations, and its log level or {@code defaultLevel}. */
    public static Caller of(Session session, LogLevel defaultLevel, Principal principal) {
        return new Caller(
                session.id(),
                session.protocolVersion(),
                session.clientInfo(),
                session.clientCapabilities(),
                LogLevel.of(session.logLevel()).orElse(defaultLevel),
                principal);
    }

    public boolean stateless() {
        return sessionId == null;
    }

    /**
     * True when the client declared {@code capability} (e.g. {@code elicitation}) and, when {@code mode} is not
     * null, that mode of it (e.g. {@code url}).
     */
    public boolean declares(String capability, String mode) {
        JsonNode declared = clientCapabilities == null ? null : clientCapabilities.get(capability);
        if (declared == null || !declared.isObject()) {
            return false;
        }
        // Form mode is what elicitation meant before modes existed: {"elicitation": {}} declares it.
        return mode == null || declared.has(mode) || ("form".equals(mode) && declared.isEmpty());
    }

    /**
     * True when the client renders views (MCP Apps): it declared {@code io.modelcontextprotocol/ui} with the HTML
     * view type among its {@code mimeTypes}.
     */
    public boolean rendersViews() {
        if (!declaresExtension(ServerCapabilities.APPS_EXTENSION)) {
            return false;
        }
        for (JsonNode type : clientCapabilities
                .path("extensions")
                .path(ServerCapabilities.APPS_EXTENSION)
                .path("mimeTypes")) {
            if (ServerCapabilities.APPS_MIME_TYPE.equals(type.asText())) {
                return true;
            }
        }
        return false;
    }

    /** True when the client declared the extension {@code id} ({@code capabilities.extensions}). */
    public boolean declaresExtension(String id) {
        return clientCapabilities != null
                && clientCapabilities.path("extensions").path(id).isObject();
    }
}
