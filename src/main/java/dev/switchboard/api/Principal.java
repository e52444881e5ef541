package dev.switchboard.api;

import java.util.Collection;
import java.util.Set;

/**
 * Who is calling: the key that binds sessions, workspace handles, request state, memories and rate limits to one
 * caller, and the scopes their token grants.
 *
 * @param id an opaque, stable key (a hash of issuer and subject for a token; never the token or personal data)
 * @param scopes the scopes (and roles) the caller's token grants
 * @param authenticated false when authorization is off: the caller is then {@link #OPEN}, which may use everything
 */
public record Principal(String id, Set<String> scopes, boolean authenticated) {

    /** Every caller when authorization is off: one shared owner, with no scope checks. */
    public static final Principal OPEN = new Principal("open", Set.of(), false);

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    /** True when this caller may use something that needs {@code required}. */
    public boolean holds(Collection<String> required) {
        return !authenticated || scopes.containsAll(required);
    }
}
