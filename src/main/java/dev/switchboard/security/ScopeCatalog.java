package dev.switchboard.security;

import dev.switchboard.prompt.PromptRegistry;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.resource.ResourceRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;

/** Every scope the server's tools, resources and prompts declare: what the metadata lists as supported. */
@ApplicationScoped
public class ScopeCatalog {

    private final Set<String> scopes;

    public ScopeCatalog(ToolRegistry tools, ResourceRegistry resources, PromptRegistry prompts) {
        Set<String> all = new TreeSet<>(tools.scopes());
        all.addAll(resources.scopes());
        all.addAll(prompts.scopes());
        this.scopes = Set.copyOf(all);
    }

    public Set<String> scopes() {
        return scopes;
    }
}
