package dev.switchboard.settings;

import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import dev.switchboard.config.SwitchboardConfig;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidationException.Problem;
import io.smallrye.config.ConfigValidator;

/**
 * Checks each {@link CheckedSettings} mapping as SmallRye Config builds it, then hands every mapping to the validator
 * that was set before (Quarkus's Bean Validation one, when some configuration interface carries constraints).
 */
final class CheckedSettingsValidator implements ConfigValidator {

    private final ConfigValidator next;

    CheckedSettingsValidator(ConfigValidator next) {
        this.next = next;
    }

    @Override
    public void validateMapping(Class<?> mappingClass, String prefix, Object mappingObject) {
        SettingsProblems problems = new SettingsProblems(prefix);
        if (mappingObject instanceof CheckedSettings settings) {
            settings.check(problems);
        } else if (mappingObject instanceof SwitchboardConfig core) {
            CoreSettings.check(core, problems);
        }
        if (!problems.messages().isEmpty()) {
            throw new ConfigValidationException(
                    problems.messages().stream().map(Problem::new).toArray(Problem[]::new));
        }
        next.validateMapping(mappingClass, prefix, mappingObject);
    }
}
