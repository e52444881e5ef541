package dev.switchboard.security;

import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/**
 * OAuth 2.1 resource-server settings ({@code switchboard.auth.*}). Token signatures, issuer and expiry are checked by
 * Quarkus OIDC, which these settings feed (see {@code application.properties}); Switchboard adds the audience binding,
 * the scopes and the RFC 9728 metadata. {@link UsableAuthSettings} refuses to start with settings that cannot work.
 */
@ConfigMapping(prefix = "switchboard.auth")
public interface AuthConfig extends CheckedSettings {

    /**
     * Whether {@code /mcp} and {@code /agent} require a bearer token. On in production, off in dev mode and tests;
     * turn it off only for a server no untrusted caller can reach.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * This server's canonical URI as clients address it, e.g. {@code https://mcp.example.com/mcp}. A token must name it
     * in {@code aud} (RFC 8707), and the metadata document names it as {@code resource}. Required when enabled.
     */
    Optional<String> resource();

    /**
     * The authorization server (OIDC issuer URL) whose tokens are accepted, e.g.
     * {@code https://login.example.com/realms/mcp}. Its discovery document gives the signing keys (JWKS). Required when
     * enabled.
     */
    Optional<String> issuer();

    /** Scopes every request needs; named in 401 challenges and listed in the metadata. */
    @WithDefault("mcp")
    Set<String> scopes();

    /** A name for this server in the metadata document ({@code resource_name}). */
    @WithDefault("Switchboard MCP server")
    String resourceName();

    @Override
    default void check(SettingsProblems problems) {
        UsableAuthSettings.problem(this).ifPresent(problems::add);
    }
}
