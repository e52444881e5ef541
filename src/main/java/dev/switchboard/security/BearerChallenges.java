package dev.switchboard.security;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code WWW-Authenticate} values of refusals (RFC 6750 with the RFC 9728 {@code resource_metadata} parameter, as
 * the MCP authorization spec asks), so a client learns where to get a token and which scopes to ask for.
 */
@Singleton
public class BearerChallenges {

    /** Where the protected-resource metadata lives (RFC 9728, section 3.1). */
    public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    private final Set<String> baseScopes;
    private final String metadataUrl;

    public BearerChallenges(AuthConfig config) {
        this.baseScopes = new TreeSet<>(config.scopes());
        this.metadataUrl = config.resource().map(BearerChallenges::metadataUrl).orElse(null);
    }

    /**
     * The metadata URL for a resource identifier: the well-known path inserted between host and path, so
     * {@code https://h/mcp} has its metadata at {@code https://h/.well-known/oauth-protected-resource/mcp}.
     */
    static String metadataUrl(String resource) {
        URI uri = URI.create(resource);
        String path = uri.getRawPath() == null || "/".equals(uri.getRawPath()) ? "" : uri.getRawPath();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + WELL_KNOWN + path;
    }

    /** No token: where to get one, and the scopes every request needs. */
    public String missingToken() {
        return challenge(null, null, baseScopes);
    }

    /** A token that is expired, malformed, badly signed, from another issuer, or for another audience. */
    public String invalidToken() {
        return challenge("invalid_token", "The access token is invalid or expired", baseScopes);
    }

    /** A valid token without {@code required}: the scopes to ask for, the caller's base scopes included. */
    public String insufficientScope(Collection<String> required) {
        Set<String> scopes = new TreeSet<>(baseScopes);
        scopes.addAll(required);
        return challenge("insufficient_scope", null, scopes);
    }

    private String challenge(String error, String description, Set<String> scopes) {
        List<String> params = new ArrayList<>(4);
        if (error != null) {
            params.add("error=\"" + error + '"');
        }
        if (description != null) {
            params.add("error_description=\"" + description + '"');
        }
        if (!scopes.isEmpty()) {
            params.add("scope=\"" + String.join(" ", scopes) + '"');
        }
        if (metadataUrl != null) {
            params.add("resource_metadata=\"" + metadataUrl + '"');
        }
        return params.isEmpty() ? "Bearer" : "Bearer " + String.join(", ", params);
    }
}
