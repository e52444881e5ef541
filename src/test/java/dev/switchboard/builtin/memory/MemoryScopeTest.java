package dev.switchboard.builtin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.memory.MemoryScope;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryScopeTest {

    @Test
    void acceptsNamesAndPrincipals() {
        for (String id : List.of("default", "team-a", "anna@example.com", "auth0|5f7c8ec7", "x".repeat(200))) {
            assertEquals(id, new MemoryScope(id).id());
        }
    }

    @Test
    void refusesWhatWouldBreakTheRedisHashTag() {
        for (String id : new String[] {null, "", "a}b", "{a", "two words", "tab\t", "line\n", "x".repeat(201)}) {
            assertThrows(IllegalArgumentException.class, () -> new MemoryScope(id), String.valueOf(id));
        }
    }
}
