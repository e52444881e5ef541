package dev.switchboard.security;

import java.util.Set;

/** Reads {@link RequiresScopes} declarations. */
public final class Scopes {

    private Scopes() {}

    /** The scopes {@code type} declares with {@link RequiresScopes}; empty when it declares none. */
    public static Set<String> declaredBy(Class<?> type) {
        RequiresScopes declared = type.getAnnotation(RequiresScopes.class);
        return declared == null ? Set.of() : Set.of(declared.value());
    }
}
