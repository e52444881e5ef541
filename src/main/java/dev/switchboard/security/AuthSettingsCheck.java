package dev.switchboard.security;

import dev.switchboard.config.SwitchboardConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Stops start-up when authorization is on but cannot work: without a resource URI no audience would be checked, and
 * without an issuer no token could be verified. Failing here names the settings; failing later would be a stream of
 * 401s.
 */
@Startup
@ApplicationScoped
class AuthSettingsCheck {

    AuthSettingsCheck(SwitchboardConfig config) {
        AuthConfig auth = config.auth();
        if (!auth.enabled()) {
            return;
        }
        if (auth.resource().isEmpty() || auth.issuer().isEmpty()) {
            throw new IllegalStateException("Authorization is on (switchboard.auth.enabled, the default in production)"
                    + " but " + (auth.resource().isEmpty() ? "switchboard.auth.resource" : "switchboard.auth.issuer")
                    + " is not set: set SWITCHBOARD_AUTH_ISSUER to the authorization server's issuer URL and"
                    + " SWITCHBOARD_AUTH_RESOURCE to this server's canonical URI (e.g. https://mcp.example.com/mcp),"
                    + " or SWITCHBOARD_AUTH_ENABLED=false for a server no untrusted caller can reach");
        }
        URI resource = URI.create(auth.resource().get());
        if (resource.getScheme() == null || resource.getHost() == null || resource.getFragment() != null) {
            throw new IllegalStateException("switchboard.auth.resource must be an absolute URI without a fragment,"
                    + " e.g. https://mcp.example.com/mcp (RFC 8707), got '"
                    + auth.resource().get() + "'");
        }
    }
}
