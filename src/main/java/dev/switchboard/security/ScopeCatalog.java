package dev.switchboard.security;

import io.quarkus.arc.All;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every scope the server's tools, resources and prompts declare: what the metadata lists as supported. */
@Singleton
public class ScopeCatalog {

    private final Set<String> scopes;

    public ScopeCatalog(@All List<ScopeDeclarations> registries) {
        Set<String> all = new TreeSet<>();
        registries.forEach(registry -> all.addAll(registry.scopes()));
        this.scopes = Set.copyOf(all);
    }

    public Set<String> scopes() {
        return scopes;
    }
}
