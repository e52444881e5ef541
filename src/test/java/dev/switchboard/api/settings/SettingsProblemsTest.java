package dev.switchboard.api.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsProblemsTest {

    @Test
    void eachProblemNamesThePropertyAndItsEnvironmentVariableWithTheValueFound() {
        SettingsProblems problems = new SettingsProblems("switchboard.rate-limit");

        problems.atLeast("per-session", 0, 1);
        problems.atLeast("window", Duration.ofMillis(500), Duration.ofSeconds(1));
        problems.require(false, "memory-max-buckets", "be a whole number");

        assertEquals(
                List.of(
                        "switchboard.rate-limit.per-session (SWITCHBOARD_RATE_LIMIT_PER_SESSION) must be at least 1,"
                                + " not 0",
                        "switchboard.rate-limit.window (SWITCHBOARD_RATE_LIMIT_WINDOW) must be at least 1s, not 500ms",
                        "switchboard.rate-limit.memory-max-buckets (SWITCHBOARD_RATE_LIMIT_MEMORY_MAX_BUCKETS) must be"
                                + " a whole number"),
                problems.messages());
    }

    @Test
    void valuesAtTheBoundAndLiteralProblemsPassAsTheyAre() {
        SettingsProblems problems = new SettingsProblems("switchboard.tasks");

        problems.atLeast("lease", Duration.ofSeconds(1), Duration.ofSeconds(1));
        problems.atLeast("max-per-principal", 0, 0);
        problems.require(true, "lease", "never be reported");
        problems.add("Set SWITCHBOARD_X {literally}");

        assertEquals(List.of("Set SWITCHBOARD_X {literally}"), problems.messages());
    }

    @Test
    void durationsReadAsTheyAreConfigured() {
        assertEquals("0ms", SettingsProblems.words(Duration.ZERO));
        assertEquals("250ms", SettingsProblems.words(Duration.ofMillis(250)));
        assertEquals("1500ms", SettingsProblems.words(Duration.ofMillis(1500)));
        assertEquals("90s", SettingsProblems.words(Duration.ofSeconds(90)));
    }
}
