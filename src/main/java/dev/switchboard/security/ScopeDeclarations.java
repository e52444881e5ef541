package dev.switchboard.security;

import java.util.Set;

/**
 * A registry of things callers need scopes for (tools, resources, prompts). The registries implement it, so the
 * {@link ScopeCatalog} gathers their scopes without knowing them.
 */
public interface ScopeDeclarations {

    /** Every scope some entry of this registry requires. */
    Set<String> scopes();
}
