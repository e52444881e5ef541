package dev.switchboard.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.settings.CheckedSettings;
import dev.switchboard.api.settings.SettingsProblems;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedSettingsValidatorTest {

    /** Settings as a configuration interface declares them: the check is a default method. */
    interface Limits extends CheckedSettings {
        int perSession();

        @Override
        default void check(SettingsProblems problems) {
            problems.atLeast("per-session", perSession(), 1);
            problems.require(perSession() % 2 == 0, "per-session", "be even, not " + perSession());
        }
    }

    private final List<String> handedOn = new ArrayList<>();
    private final ConfigValidator next = (type, prefix, mapping) -> handedOn.add(prefix);
    private final CheckedSettingsValidator validator = new CheckedSettingsValidator(next);

    @Test
    void everyProblemOfAMappingIsReportedTogether() {
        Limits negative = () -> -1;

        ConfigValidationException refused = assertThrows(
                ConfigValidationException.class, () -> validator.validateMapping(Limits.class, "app.limits", negative));

        assertEquals(2, refused.getProblemCount());
        assertEquals(
                "app.limits.per-session (APP_LIMITS_PER_SESSION) must be at least 1, not -1",
                refused.getProblem(0).getMessage());
        assertEquals(
                "app.limits.per-session (APP_LIMITS_PER_SESSION) must be even, not -1",
                refused.getProblem(1).getMessage());
    }

    @Test
    void settingsThatCanWorkAndMappingsWithoutChecksGoToTheValidatorInstalledBefore() {
        Limits fine = () -> 4;

        validator.validateMapping(Limits.class, "app.limits", fine);
        validator.validateMapping(Object.class, "quarkus.http", new Object());

        assertEquals(List.of("app.limits", "quarkus.http"), handedOn);
    }

    @Test
    void aMappingThatFailsItsOwnCheckIsNotHandedOn() {
        Limits zero = () -> 0;

        assertThrows(ConfigValidationException.class, () -> validator.validateMapping(Limits.class, "app", zero));

        assertEquals(List.of(), handedOn);
    }
}
