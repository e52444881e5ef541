package dev.switchboard.security;

import dev.switchboard.api.settings.HttpUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Authorization that is on must be able to work: without a resource URI no audience would be checked, and without an
 * issuer no token could be verified. Checked when the configuration loads, so the operator reads which variables to
 * set instead of Quarkus OIDC's complaint about {@code quarkus.oidc.auth-server-url}, a property they never set.
 */
final class UsableAuthSettings {

    private UsableAuthSettings() {}

    /** What is wrong with the settings, in words an operator can act on; empty when they can work. */
    static Optional<String> problem(AuthConfig auth) {
        if (!auth.enabled()) {
            return Optional.empty();
        }
        if (auth.issuer().isEmpty() || auth.resource().isEmpty()) {
            String missing = auth.issuer().isEmpty() && auth.resource().isEmpty()
                    ? "SWITCHBOARD_AUTH_ISSUER and SWITCHBOARD_AUTH_RESOURCE are"
                    : auth.issuer().isEmpty() ? "SWITCHBOARD_AUTH_ISSUER is" : "SWITCHBOARD_AUTH_RESOURCE is";
            return Optional.of("Authorization is on (the default outside dev mode) but " + missing + " not set."
                    + " Set SWITCHBOARD_AUTH_ISSUER to your authorization server's issuer URL and"
                    + " SWITCHBOARD_AUTH_RESOURCE to this server's URI as clients call it (e.g."
                    + " https://mcp.example.com/mcp), or SWITCHBOARD_AUTH_ENABLED=false for a server that no"
                    + " untrusted client can reach.");
        }
        String issuer = auth.issuer().get();
        if (!isAbsoluteHttpUrl(issuer, true)) {
            return Optional.of("SWITCHBOARD_AUTH_ISSUER (switchboard.auth.issuer) must be the authorization"
                    + " server's issuer, an absolute http(s) URL such as https://login.example.com/realms/mcp,"
                    + " not '" + issuer + "'");
        }
        String resource = auth.resource().get();
        if (!isAbsoluteHttpUrl(resource, false)) {
            return Optional.of("SWITCHBOARD_AUTH_RESOURCE (switchboard.auth.resource) must be this server's"
                    + " absolute http(s) URI without a fragment (RFC 8707), such as https://mcp.example.com/mcp,"
                    + " not '" + resource + "'");
        }
        return Optional.empty();
    }

    private static boolean isAbsoluteHttpUrl(String value, boolean fragmentAllowed) {
        try {
            URI uri = new URI(value);
            return HttpUrl.isAbsoluteHttp(uri) && (fragmentAllowed || uri.getRawFragment() == null);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
