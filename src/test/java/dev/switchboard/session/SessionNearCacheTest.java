package dev.switchboard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The near cache's bookkeeping, with times chosen by the test (nanoseconds). */
class SessionNearCacheTest {

    private static final long REFRESH = 1_000;

    private final SessionNearCache cache = new SessionNearCache(REFRESH, 2);

    private static Session session(String id) {
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        return new Session(id, "owner", "2025-11-25", null, null, null, at, at);
    }

    @Test
    void aCopyServesForRefreshAfterRedisAnsweredAndNotAfter() {
        Session a = session("a");
        cache.keep(a, 100, cache.generation());
        assertSame(a, cache.fresh("a", 100));
        assertSame(a, cache.fresh("a", 100 + REFRESH - 1));
        assertNull(cache.fresh("a", 100 + REFRESH));
    }

    @Test
    void aCopyFetchedBeforeADropIsNotKept() {
        long generation = cache.generation(); // a request goes to Redis...
        cache.drop("a"); // ...a notice says the session ended meanwhile...
        cache.keep(session("a"), 100, generation); // ...and the answer, maybe from before the end, arrives
        assertNull(cache.fresh("a", 100));
        cache.keep(session("a"), 200, cache.generation());
        assertSame("a", cache.fresh("a", 200).id());
    }

    @Test
    void theCacheHoldsAtMostMaxSessionsAndSweepsStaleCopies() {
        cache.keepNew(session("a"), 0);
        cache.keepNew(session("b"), 500);
        cache.keepNew(session("c"), 500);
        assertEquals(2, cache.size(), "full: c is served from Redis");
        assertNull(cache.fresh("c", 500));
        cache.sweep(REFRESH);
        assertEquals(1, cache.size(), "a's copy was stale");
        cache.keepNew(session("c"), REFRESH);
        assertSame("c", cache.fresh("c", REFRESH).id());
        cache.sweep(REFRESH + 600); // b is stale, but a sweep walks the copies at most once per refresh
        assertEquals(2, cache.size());
        cache.sweep(2 * REFRESH);
        assertEquals(
                List.of(),
                List.of("b", "c").stream()
                        .filter(id -> cache.fresh(id, 2 * REFRESH) != null)
                        .toList());
        assertEquals(0, cache.size(), "both stale at the next sweep");
    }

    @Test
    void heldEntriesAreTakenOldestFirstAndPutBackBeforeNewerOnes() {
        cache.hold("a", "1");
        cache.hold("a", "2");
        cache.hold("b", "x");
        List<String> taken = cache.take("a");
        assertEquals(List.of("1", "2"), taken);
        assertEquals(List.of(), cache.take("a"));
        cache.hold("a", "3");
        cache.holdAgain("a", taken); // the write failed
        assertEquals(Map.of("a", List.of("1", "2", "3"), "b", List.of("x")), cache.takeAll());
        assertEquals(Map.of(), cache.takeAll());
    }

    @Test
    void forgettingASessionDropsItsCopyAndItsHeldEntries() {
        cache.keepNew(session("a"), 0);
        cache.hold("a", "1");
        cache.forget("a");
        assertNull(cache.fresh("a", 0));
        assertEquals(List.of(), cache.take("a"));
    }
}
