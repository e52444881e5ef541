package dev.switchboard.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The operator's web console ({@code switchboard.console.*}): {@code /console} and its API {@code /console/api}. */
@ConfigMapping(prefix = "switchboard.console")
public interface ConsoleConfig {

    /**
     * Whether {@code /console} (the page and its assets) and {@code /console/api} are served; when off they answer 404.
     * Off by default, on in dev mode and tests.
     */
    @WithDefault("false")
    boolean enabled();

    /** The scope a bearer token needs for {@code /console/api} when authorization is on. */
    @WithDefault("admin")
    String scope();
}
