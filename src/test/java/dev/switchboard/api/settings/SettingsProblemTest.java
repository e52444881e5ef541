package dev.switchboard.api.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SettingsProblemTest {

    @Test
    void aQuotedValueIsNeverReadAsAMessageTemplate() {
        assertEquals("not '\\{x\\}\\$\\{y\\}\\\\'", SettingsProblem.literal("not '{x}${y}\\'"));
        assertEquals("plain words", SettingsProblem.literal("plain words"));
    }
}
