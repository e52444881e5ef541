package dev.switchboard.tools.memory;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.tool.ToolContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides the {@link MemoryScope} of a call. Until callers are authenticated every call shares the configured
 * {@code switchboard.memory.namespace}; with authentication this becomes the caller's principal (one line here), and
 * nothing else changes.
 */
@ApplicationScoped
public class MemoryScopes {

    private final MemoryScope namespace;

    public MemoryScopes(SwitchboardConfig config) {
        this.namespace = new MemoryScope(config.memory().namespace());
    }

    /** The scope whose memories this call reads and writes. */
    public MemoryScope of(ToolContext context) {
        return namespace;
    }
}
