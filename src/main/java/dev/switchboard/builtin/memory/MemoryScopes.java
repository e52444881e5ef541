package dev.switchboard.builtin.memory;

import dev.switchboard.api.Principal;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.memory.MemoryScope;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides the {@link MemoryScope} of a call: the caller's principal within the configured
 * {@code switchboard.memory.namespace}, so one user never recalls another's memories. Without authorization every
 * caller is {@link Principal#OPEN} and shares the namespace itself, as before principals existed.
 */
@ApplicationScoped
public class MemoryScopes {

    private final String namespace;
    private final MemoryScope open;

    public MemoryScopes(MemoryConfig config) {
        this.namespace = config.namespace();
        this.open = new MemoryScope(namespace);
    }

    /** The scope whose memories this call reads and writes. */
    public MemoryScope of(ToolContext context) {
        Principal principal = context.principal();
        return principal.authenticated() ? new MemoryScope(namespace + ":" + principal.id()) : open;
    }
}
