package dev.switchboard.state.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.memory.Memory;
import dev.switchboard.api.memory.MemoryScope;
import dev.switchboard.api.memory.MemoryStore;
import dev.switchboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MemoryStore} must share; run against each implementation with a clock the test moves. */
abstract class MemoryStoreContract {

    /** The retention and bound the store under test must be configured with. */
    static final Duration RETENTION = Duration.ofHours(1);

    static final int MAX_ENTRIES = 3;

    /** Where the test clock starts; Redis key TTLs run in real time and are only a backstop. */
    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    protected final MutableClock clock = new MutableClock(START);

    protected abstract MemoryStore store();

    /** A scope of its own per test: tests share one Redis. */
    private final MemoryScope scope = new MemoryScope("contract-" + UUID.randomUUID());

    private Memory memory(String id, String text) {
        return new Memory(id, text, List.of("tag"), clock.instant());
    }

    private List<String> add(MemoryScope into, Memory memory) {
        return store().add(into, memory).await().indefinitely();
    }

    private List<String> ids(MemoryScope of) {
        return store().all(of).await().indefinitely().stream().map(Memory::id).toList();
    }

    @Test
    void keepsWhatWasStoredMostRecentlyUsedFirst() {
        Memory first = memory("m1", "The user prefers tea");
        assertEquals(List.of(), add(scope, first));
        clock.advance(Duration.ofSeconds(1));
        add(scope, memory("m2", "The user lives in Lyon"));
        List<Memory> all = store().all(scope).await().indefinitely();
        assertEquals(List.of("m2", "m1"), all.stream().map(Memory::id).toList());
        assertEquals(first, all.get(1));
    }

    @Test
    void unknownScopesAndIdsAreEmpty() {
        MemoryScope nobody = new MemoryScope("nobody-" + UUID.randomUUID());
        assertEquals(List.of(), ids(nobody));
        assertEquals(Optional.empty(), store().remove(nobody, "m1").await().indefinitely());
        store().refresh(nobody, List.of("m1")).await().indefinitely();
        assertEquals(List.of(), ids(nobody));
    }

    @Test
    void memoriesExpireARetentionAfterTheirLastUse() {
        add(scope, memory("old", "stored first"));
        clock.advance(RETENTION.dividedBy(2));
        add(scope, memory("new", "stored later"));
        clock.advance(RETENTION.dividedBy(2));
        assertEquals(List.of("new"), ids(scope), "'old' expired exactly one retention after it was stored");

        store().refresh(scope, List.of("new")).await().indefinitely();
        clock.advance(RETENTION.minusMillis(1));
        assertEquals(List.of("new"), ids(scope), "a refresh restarts the retention");
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(), ids(scope));
        assertEquals(Optional.empty(), store().remove(scope, "new").await().indefinitely(), "expired is unknown");
    }

    @Test
    void refreshMovesAMemoryToTheFrontAndSkipsUnknownIds() {
        add(scope, memory("a", "first"));
        clock.advance(Duration.ofSeconds(1));
        add(scope, memory("b", "second"));
        clock.advance(Duration.ofSeconds(1));
        store().refresh(scope, List.of("a", "no-such-id")).await().indefinitely();
        assertEquals(List.of("a", "b"), ids(scope));
    }

    @Test
    void aFullScopeForgetsItsLeastRecentlyUsedMemory() {
        for (String id : List.of("a", "b", "c")) {
            assertEquals(List.of(), add(scope, memory(id, "memory " + id)));
            clock.advance(Duration.ofSeconds(1));
        }
        store().refresh(scope, List.of("a")).await().indefinitely();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("b"), add(scope, memory("d", "memory d")), "b is the least recently used");
        assertEquals(List.of("d", "a", "c"), ids(scope));
    }

    @Test
    void expiredMemoriesMakeRoomBeforeAnyIsEvicted() {
        add(scope, memory("a", "memory a"));
        add(scope, memory("b", "memory b"));
        clock.advance(RETENTION.dividedBy(2));
        add(scope, memory("c", "memory c"));
        clock.advance(RETENTION.dividedBy(2));
        assertEquals(List.of(), add(scope, memory("d", "memory d")), "a and b expired: nothing to evict");
        assertEquals(List.of("d", "c"), ids(scope));
    }

    @Test
    void removeForgetsOneMemoryAndReturnsIt() {
        Memory kept = memory("keep", "kept");
        Memory dropped = memory("drop", "dropped");
        add(scope, kept);
        add(scope, dropped);
        assertEquals(Optional.of(dropped), store().remove(scope, "drop").await().indefinitely());
        assertEquals(Optional.empty(), store().remove(scope, "drop").await().indefinitely());
        assertEquals(List.of("keep"), ids(scope));
    }

    @Test
    void aScopeNeverSeesAnothersMemories() {
        MemoryScope other = new MemoryScope("other-" + UUID.randomUUID());
        add(scope, memory("mine", "in my scope"));
        clock.advance(Duration.ofSeconds(1));
        add(other, memory("theirs", "in the other scope"));
        clock.advance(Duration.ofSeconds(1));
        add(other, memory("shared-id", "their copy"));
        clock.advance(Duration.ofSeconds(1));
        add(scope, memory("shared-id", "my copy"));

        assertEquals(List.of("shared-id", "mine"), ids(scope));
        assertEquals(
                List.of("their copy", "in the other scope"),
                store().all(other).await().indefinitely().stream()
                        .map(Memory::text)
                        .toList());
        assertEquals(Optional.empty(), store().remove(scope, "theirs").await().indefinitely());
        assertTrue(store().remove(scope, "shared-id").await().indefinitely().isPresent());
        assertEquals(List.of("shared-id", "theirs"), ids(other), "removing mine left theirs alone");

        // Filling one scope evicts nothing from the other.
        for (int i = 0; i < MAX_ENTRIES * 2; i++) {
            clock.advance(Duration.ofSeconds(1));
            add(scope, memory("fill-" + i, "filler"));
        }
        assertEquals(List.of("shared-id", "theirs"), ids(other));
    }
}
