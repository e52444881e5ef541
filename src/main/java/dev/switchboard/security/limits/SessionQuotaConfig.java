package dev.switchboard.security.limits;

import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The cap on sessions per principal, under {@code switchboard.session-quota}. See {@link SessionQuota}. */
@ConfigMapping(prefix = "switchboard.session-quota")
public interface SessionQuotaConfig extends CheckedSettings {

    /**
     * The most sessions one principal may hold at once, counted across every replica; {@code initialize} beyond it is
     * refused. A session counts from its creation until it is deleted or one {@code switchboard.sessions.ttl} has
     * passed. {@code 0} means unlimited.
     */
    @WithDefault("100")
    int maxPerPrincipal();

    @Override
    default void check(SettingsProblems problems) {
        problems.atLeast("max-per-principal", maxPerPrincipal(), 0);
    }
}
