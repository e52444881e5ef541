package dev.switchboard.builtin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.ToolException;
import dev.switchboard.api.memory.Memory;
import dev.switchboard.api.memory.MemoryScope;
import dev.switchboard.state.memory.InMemoryMemoryStore;
import dev.switchboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The memory service's own rules, on the in-memory store with a clock the test moves. */
class MemoriesTest {

    private static final Duration RETENTION = Duration.ofDays(90);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00.123456Z"));
    private final Memories memories = new Memories(new InMemoryMemoryStore(clock, RETENTION, 100), clock, 20);
    private final MemoryScope scope = new MemoryScope("default");

    @Test
    void rememberTrimsNormalisesTagsAndMintsRandomIds() {
        Memories.Stored stored = memories.remember(scope, "  Likes tea  ", List.of(" Drinks", "drinks", "Morning"));
        assertEquals("Likes tea", stored.memory().text());
        assertEquals(List.of("drinks", "morning"), stored.memory().tags());
        assertEquals(Instant.parse("2026-11-24T10:00:00.123Z"), stored.memory().storedAt(), "millisecond precision");
        assertEquals(List.of(), stored.evicted());

        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String id = memories.remember(scope, "fact " + i, null).memory().id();
            assertTrue(id.matches("[A-Za-z0-9_-]{16}"), id);
            ids.add(id);
        }
        assertEquals(50, ids.size());
    }

    @Test
    void tooLongTextIsRefusedWithItsLength() {
        memories.remember(scope, "x".repeat(20), List.of());
        memories.remember(scope, "é".repeat(20) + "   ", List.of()); // characters, not bytes; trimmed first
        ToolException refused =
                assertThrows(ToolException.class, () -> memories.remember(scope, "x".repeat(21), List.of()));
        assertEquals(
                "The text has 21 characters; a memory holds at most 20. Remember a shorter summary, or split it into"
                        + " separate facts",
                refused.getMessage());
    }

    @Test
    void aQueryWithoutSearchableWordsIsRefused() {
        ToolException refused = assertThrows(ToolException.class, () -> memories.recall(scope, "what is it?", 5));
        assertTrue(refused.getMessage().startsWith("The query 'what is it?' has no words to search for"));
    }

    @Test
    void recallReportsWhatWasSearchedAndKeepsRecalledMemoriesAlive() {
        String tea =
                memories.remember(scope, "Likes green tea", List.of()).memory().id();
        memories.remember(scope, "Drives to work", List.of());
        clock.advance(RETENTION.minusDays(1));

        Memories.Recall recall = memories.recall(scope, "tea", 5);
        assertEquals(2, recall.searched());
        assertEquals(
                List.of(tea),
                recall.matches().stream().map(m -> m.memory().id()).toList());

        clock.advance(Duration.ofDays(2));
        Memories.Recall later = memories.recall(scope, "tea work", 5);
        assertEquals(1, later.searched(), "the memory never recalled expired");
        assertEquals(tea, later.matches().get(0).memory().id());
    }

    @Test
    void forgetReturnsTheMemoryOnceThenRefuses() {
        Memory memory =
                memories.remember(scope, "Parks on level 2", List.of("car")).memory();
        assertEquals(memory, memories.forget(scope, memory.id()));
        ToolException unknown = assertThrows(ToolException.class, () -> memories.forget(scope, memory.id()));
        assertTrue(unknown.getMessage().startsWith("There is no memory with id '" + memory.id() + "'"));
        assertEquals(List.of(), memories.recall(scope, "level car", 5).matches());
    }
}
