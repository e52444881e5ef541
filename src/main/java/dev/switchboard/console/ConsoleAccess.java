package dev.switchboard.console;

import dev.switchboard.security.AuthConfig;
import dev.switchboard.security.GuardedPaths;
import dev.switchboard.transport.SameOriginAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the console's API: with authorization on, a bearer token with {@code switchboard.console.scope}
 * (checked by the existing bearer filter, which asks this class for the path's scopes); and, for the page's own MCP
 * calls, {@code /mcp} accepts the server's own origin.
 *
 * <p>Same-origin is accepted on {@code /mcp} only with authorization on. Without it, a page on another site that
 * rebinds its DNS name to this server is "same-origin" too (its {@code Origin} and {@code Host} both name the
 * attacker's host), and would reach every tool; with authorization on it has no token. So without authorization the
 * console page works from the origins {@code switchboard.transport.allowed-origins} allows (localhost by default).
 */
@ApplicationScoped
public class ConsoleAccess implements GuardedPaths, SameOriginAccess {

    static final String API = "/console/api";

    private final boolean enabled;
    private final boolean authorization;
    private final Optional<Set<String>> scopes;

    public ConsoleAccess(ConsoleConfig console, AuthConfig auth) {
        this.enabled = console.enabled();
        this.authorization = auth.enabled();
        this.scopes = Optional.of(Set.of(console.scope()));
    }

    @Override
    public Optional<Set<String>> scopesFor(String path) {
        return enabled && isApi(path) ? scopes : Optional.empty();
    }

    @Override
    public boolean acceptsSameOrigin() {
        return enabled && authorization;
    }

    boolean enabled() {
        return enabled;
    }

    /** Whether authorization is on: without it, browsers reach the API only on the hosts /mcp allows. */
    boolean authorization() {
        return authorization;
    }

    static boolean isApi(String path) {
        return path.equals(API) || path.startsWith(API + "/");
    }

    static boolean isConsole(String path) {
        return path.equals("/console") || path.startsWith("/console/");
    }
}
