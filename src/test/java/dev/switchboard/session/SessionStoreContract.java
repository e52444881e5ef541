package dev.switchboard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ToolUse;
import dev.switchboard.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link SessionStore} must share; run against each implementation. */
public abstract class SessionStoreContract {

    /** The TTL and tools_used limit the store under test must be configured with. */
    public static final Duration TTL = Duration.ofMillis(2500);

    public static final int TOOLS_USED_LIMIT = 3;

    protected abstract SessionStore store();

    /** Lets time pass for the store: in real time by default, as Redis's TTLs pass. */
    protected void elapse(Duration duration) {
        Await.sleep(duration);
    }

    private static final String OWNER = "owner-1";

    /** The store's present: the wall clock by default. */
    protected Instant now() {
        return Instant.now();
    }

    private Session newSession() {
        ObjectNode clientInfo =
                JsonNodeFactory.instance.objectNode().put("name", "contract").put("version", "1");
        ObjectNode capabilities = JsonNodeFactory.instance.objectNode();
        capabilities.putObject("sampling");
        Instant now = now().truncatedTo(ChronoUnit.MILLIS);
        Session session = new Session(
                UUID.randomUUID().toString(), OWNER, "2025-06-18", clientInfo, capabilities, null, now, now);
        store().create(session).await().indefinitely();
        return session;
    }

    private Optional<Session> touch(String id, ToolUse use) {
        return store().touch(id, OWNER, use).await().indefinitely();
    }

    @Test
    void theAllowanceRefusesOnceUsedUpAndThenTouchesNothing() {
        Session session = newSession();
        Allowance twoPerMinute = new Allowance(30_000_000, 2);
        for (int i = 0; i < 2; i++) {
            store().touch(session.id(), OWNER, new ToolUse("t", now()), twoPerMinute)
                    .await()
                    .indefinitely();
        }
        AllowanceExceededException refused = assertThrows(
                AllowanceExceededException.class,
                () -> store().touch(session.id(), OWNER, new ToolUse("refused", now()), twoPerMinute)
                        .await()
                        .indefinitely());
        assertTrue(
                refused.retryAfter().compareTo(java.time.Duration.ofSeconds(15)) > 0,
                refused.retryAfter().toString());
        assertEquals(
                2, store().toolsUsed(session.id()).await().indefinitely().size(), "the refused call left no trace");
        assertTrue(touch(session.id(), null).isPresent(), "without an allowance the session is served as before");
    }

    @Test
    void onlyTheOwnerFindsOrDeletesASession() {
        Session session = newSession();
        assertTrue(store().touch(session.id(), "someone-else", null)
                .await()
                .indefinitely()
                .isEmpty());
        assertFalse(store().delete(session.id(), "someone-else").await().indefinitely());
        Session loaded = touch(session.id(), null).orElseThrow();
        assertEquals(OWNER, loaded.owner());
        assertTrue(store().delete(session.id(), OWNER).await().indefinitely());
    }

    @Test
    void touchReturnsWhatWasStored() {
        Session created = newSession();
        Session loaded = touch(created.id(), null).orElseThrow();
        assertEquals(created.id(), loaded.id());
        assertEquals("2025-06-18", loaded.protocolVersion());
        assertEquals(created.clientInfo(), loaded.clientInfo());
        assertEquals(created.clientCapabilities(), loaded.clientCapabilities());
        assertEquals(created.createdAt(), loaded.createdAt());
        assertFalse(loaded.lastSeenAt().isBefore(created.lastSeenAt()));
    }

    @Test
    void unknownSessionsAreEmpty() {
        String id = "no-such-session";
        assertTrue(touch(id, null).isEmpty());
        assertEquals(List.of(), store().toolsUsed(id).await().indefinitely());
        assertFalse(store().setLogLevel(id, "debug").await().indefinitely());
        assertFalse(store().addEntry(id, "c", 1, "x").await().indefinitely());
        assertFalse(store().delete(id, OWNER).await().indefinitely());
    }

    /**
     * Ids come from the client's header. One no server mints (empty, or with braces, which would make a Redis Cluster
     * hash tag of its own, or none: {@code session:{}} and {@code session:{}:tools} hash to different slots) is an
     * unknown session like any other, never a store failure.
     */
    @Test
    void anIdNoServerMintsIsAnUnknownSession() {
        for (String id : List.of("", "}", "}{x}", "{x}", "a}b{")) {
            assertTrue(touch(id, new ToolUse("t", now())).isEmpty(), "'" + id + "'");
            assertEquals(List.of(), store().toolsUsed(id).await().indefinitely());
            assertFalse(store().setLogLevel(id, "debug").await().indefinitely());
            assertFalse(store().addEntry(id, "c", 1, "x").await().indefinitely());
            assertEquals(List.of(), store().entries(id, "c", 0, 2).await().indefinitely());
            assertFalse(store().removeEntry(id, "c", "x").await().indefinitely());
            assertFalse(store().delete(id, OWNER).await().indefinitely());
        }
    }

    @Test
    void ttlSlidesWithEachTouchAndThenExpires() {
        Session session = newSession();
        store().addEntry(session.id(), "calendar", 1, "event").await().indefinitely();
        touch(session.id(), new ToolUse("t", now()));
        // Three half-TTL pauses: longer than one TTL in all, so only the sliding refresh keeps the session.
        for (int step = 0; step < 3; step++) {
            elapse(TTL.dividedBy(2));
            assertTrue(touch(session.id(), null).isPresent(), "each touch restarts the TTL");
        }
        assertEquals(
                List.of("event"),
                store().entries(session.id(), "calendar", 0, 2).await().indefinitely());
        elapse(TTL.plusMillis(300));
        assertTrue(touch(session.id(), null).isEmpty(), "expired after a TTL without requests");
        assertEquals(List.of(), store().toolsUsed(session.id()).await().indefinitely());
        assertEquals(
                List.of(),
                store().entries(session.id(), "calendar", 0, 2).await().indefinitely());
    }

    @Test
    void toolsUsedKeepsTheNewestCalls() {
        Session session = newSession();
        Instant at = now().truncatedTo(ChronoUnit.MILLIS);
        for (String tool : List.of("a", "b", "c", "d")) {
            touch(session.id(), new ToolUse(tool, at));
        }
        List<ToolUse> used = store().toolsUsed(session.id()).await().indefinitely();
        assertEquals(List.of("b", "c", "d"), used.stream().map(ToolUse::tool).toList());
        assertEquals(at, used.get(0).at());
    }

    @Test
    void deleteDropsTheSessionAndItsData() {
        Session session = newSession();
        touch(session.id(), new ToolUse("a", now()));
        store().addEntry(session.id(), "calendar", 5, "e").await().indefinitely();
        assertTrue(store().delete(session.id(), OWNER).await().indefinitely());
        assertTrue(touch(session.id(), null).isEmpty());
        assertEquals(List.of(), store().toolsUsed(session.id()).await().indefinitely());
        assertEquals(
                List.of(),
                store().entries(session.id(), "calendar", 0, 10).await().indefinitely());
        assertFalse(store().delete(session.id(), OWNER).await().indefinitely());
    }

    @Test
    void endDropsASessionWhateverItsOwnerAndNamesTheOwner() {
        Session session = newSession();
        touch(session.id(), new ToolUse("a", now()));
        store().addEntry(session.id(), "calendar", 5, "e").await().indefinitely();
        assertEquals(Optional.of(OWNER), store().end(session.id()).await().indefinitely());
        assertTrue(touch(session.id(), null).isEmpty());
        assertEquals(List.of(), store().toolsUsed(session.id()).await().indefinitely());
        assertEquals(
                List.of(),
                store().entries(session.id(), "calendar", 0, 10).await().indefinitely());
        assertEquals(Optional.empty(), store().end(session.id()).await().indefinitely());
        assertEquals(Optional.empty(), store().end("no-such-session").await().indefinitely());
        assertEquals(Optional.empty(), store().end("").await().indefinitely());
        assertTrue(recentIds(500).stream().noneMatch(session.id()::equals), "an ended session is not listed");
    }

    @Test
    void recentListsTheNewestSessionsWithTheirToolsUsed() {
        Session older = newSession();
        elapse(Duration.ofMillis(5));
        Session newer = newSession();
        touch(newer.id(), new ToolUse("weather.get", now()));
        List<SessionSummary> recent = store().recent(2).await().indefinitely();
        assertEquals(
                List.of(newer.id(), older.id()),
                recent.stream().map(s -> s.session().id()).toList());
        SessionSummary listed = recent.get(0);
        assertEquals(OWNER, listed.session().owner());
        assertEquals("2025-06-18", listed.session().protocolVersion());
        assertEquals("contract", listed.session().clientInfo().get("name").asText());
        assertEquals(
                List.of("weather.get"),
                listed.toolsUsed().stream().map(ToolUse::tool).toList());
        assertEquals(1, store().recent(1).await().indefinitely().size());
        assertTrue(store().count().await().indefinitely() >= 2);
    }

    @Test
    void recentLeavesOutDeletedAndExpiredSessions() {
        Session deleted = newSession();
        Session expiring = newSession();
        assertTrue(store().delete(deleted.id(), OWNER).await().indefinitely());
        elapse(TTL.plusMillis(500));
        Session live = newSession();
        List<String> ids = recentIds(500);
        assertTrue(ids.contains(live.id()));
        assertFalse(ids.contains(deleted.id()));
        assertFalse(ids.contains(expiring.id()));
    }

    private List<String> recentIds(int limit) {
        return store().recent(limit).await().indefinitely().stream()
                .map(summary -> summary.session().id())
                .toList();
    }

    @Test
    void entriesAreOrderedByScoreAndFilteredByRange() {
        Session session = newSession();
        String id = session.id();
        assertTrue(store().addEntry(id, "calendar", 30, "late").await().indefinitely());
        store().addEntry(id, "calendar", 10, "early").await().indefinitely();
        store().addEntry(id, "calendar", 20, "middle").await().indefinitely();
        store().addEntry(id, "other", 15, "elsewhere").await().indefinitely();
        assertEquals(
                List.of("early", "middle", "late"),
                store().entries(id, "calendar", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
                        .await()
                        .indefinitely());
        assertEquals(
                List.of("early", "middle"),
                store().entries(id, "calendar", 10, 20).await().indefinitely());
        assertEquals(
                List.of("elsewhere"),
                store().entries(id, "other", 0, 100).await().indefinitely());
    }

    @Test
    void logLevelIsKept() {
        Session session = newSession();
        assertTrue(store().setLogLevel(session.id(), "warning").await().indefinitely());
        assertEquals("warning", touch(session.id(), null).orElseThrow().logLevel());
    }
}
