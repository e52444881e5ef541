package dev.switchboard.security;

import java.util.Optional;
import java.util.Set;

/**
 * Paths besides {@code /mcp} and {@code /agent} that {@link BearerAuthFilter} guards, each with the scopes it needs
 * instead of {@code switchboard.auth.scopes}. Declared here and implemented by the features that own the paths (the
 * console), which this package does not import.
 */
public interface GuardedPaths {

    /** The scopes a request to {@code path} needs, or empty when this feature does not guard it. */
    Optional<Set<String>> scopesFor(String path);
}
