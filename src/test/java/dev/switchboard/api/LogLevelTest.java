package dev.switchboard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogLevelTest {

    @Test
    void levelsAreFoundByTheirLowerCaseWireNameOnly() {
        for (LogLevel level : LogLevel.values()) {
            assertEquals(Optional.of(level), LogLevel.of(level.wire()));
        }
        assertEquals("warning", LogLevel.WARNING.wire());
        assertEquals(Optional.empty(), LogLevel.of("WARNING"));
        assertEquals(Optional.empty(), LogLevel.of("verbose"));
        assertEquals(Optional.empty(), LogLevel.of(null));
    }

    @Test
    void aLookupAllocatesNothing() {
        assertSame(LogLevel.of("info"), LogLevel.of("info"));
    }
}
