package dev.switchboard.security;

import dev.switchboard.api.RequiresScopes;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads {@link RequiresScopes} declarations. */
public final class Scopes {

    private Scopes() {}

    /** The scopes {@code type} declares with {@link RequiresScopes}; empty when it declares none. */
    public static Set<String> declaredBy(Class<?> type) {
        RequiresScopes declared = type.getAnnotation(RequiresScopes.class);
        return declared == null ? Set.of() : Set.of(declared.value());
    }

    /** Every scope of {@code declarations}, sorted. */
    public static Set<String> union(Stream<Set<String>> declarations) {
        return declarations.flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
    }
}
