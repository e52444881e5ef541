package dev.switchboard.upstream;

import dev.switchboard.registry.ToolSources;
import jakarta.inject.Singleton;

/** Tells the tool registry whether any upstream is configured: apart from the mounts, which need the registry. */
@Singleton
class ConfiguredUpstreams implements ToolSources {

    private final UpstreamConfig config;

    ConfiguredUpstreams(UpstreamConfig config) {
        this.config = config;
    }

    @Override
    public boolean configured() {
        return !config.servers().isEmpty();
    }
}
