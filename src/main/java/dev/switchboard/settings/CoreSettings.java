package dev.switchboard.settings;

import dev.switchboard.api.settings.SettingsProblems;
import dev.switchboard.config.SwitchboardConfig;

/**
 * The checks of {@link SwitchboardConfig}. It cannot check itself as other settings do ({@code CheckedSettings}): it
 * lies in the lowest layer, below the author API.
 */
final class CoreSettings {

    private CoreSettings() {}

    static void check(SwitchboardConfig config, SettingsProblems problems) {
        problems.atLeast("streams.max-open-per-session", config.streams().maxOpenPerSession(), 1);
    }
}
