package dev.switchboard.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event-log contract on the in-memory log (memory store), plus its bounds, with a clock the test moves. */
class InMemoryEventLogTest extends EventLogContract {

    private static final Duration IDLE_LIMIT = Duration.ofMinutes(30);
    private static final int STREAMS_PER_SESSION = 3;
    private static final int EVENTS_PER_STREAM = 3;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final InMemoryEventLog log =
            new InMemoryEventLog(clock, IDLE_LIMIT, STREAMS_PER_SESSION, EVENTS_PER_STREAM);

    @Override
    protected EventLog log() {
        return log;
    }

    @Test
    void aResumeThatWouldSkipDroppedEventsIsRefused() {
        String stream = log.open(session);
        StreamEvent first = log.append(session, stream, "1", false);
        StreamEvent second = log.append(session, stream, "2", false);
        for (String data : List.of("3", "4", "5")) {
            log.append(session, stream, data, false);
        }
        // Kept: 3, 4, 5. After "2" nothing was lost; after "1", event 2 was.
        assertEquals(
                List.of("3", "4", "5"),
                log.after(session, second.id()).orElseThrow().events().stream()
                        .map(StreamEvent::data)
                        .toList());
        assertEquals(Optional.empty(), log.after(session, first.id()));
    }

    @Test
    void aSessionKeepsItsNewestStreams() {
        String oldest = log.open(session);
        StreamEvent lost = log.append(session, oldest, "old", false);
        for (int i = 0; i < STREAMS_PER_SESSION; i++) {
            log.open(session);
        }
        assertEquals(Optional.empty(), log.after(session, lost.id()), "the oldest stream was dropped");
    }

    @Test
    void theStreamsOfASessionIdleForTheSessionTtlAreDropped() {
        String stream = log.open(session);
        StreamEvent event = log.append(session, stream, "a", false);
        clock.advance(IDLE_LIMIT.minusSeconds(1));
        assertTrue(log.after(session, event.id()).isPresent(), "a replay is a use");
        clock.advance(IDLE_LIMIT.minusSeconds(1));
        log.open("another-session"); // opening a stream sweeps idle sessions
        assertTrue(log.after(session, event.id()).isPresent(), "used within the TTL: kept");

        clock.advance(IDLE_LIMIT.plusSeconds(1));
        log.open("another-session");
        assertEquals(Optional.empty(), log.after(session, event.id()));
    }

    @Test
    void droppingASessionForgetsEveryStreamOfItOnly() {
        String first = log.open(session);
        String second = log.open(session);
        StreamEvent a = log.append(session, first, "a", false);
        StreamEvent b = log.append(session, second, "b", false);
        String other = "other-" + UUID.randomUUID();
        String kept = log.open(other);
        log.append(other, kept, "kept", false);

        log.dropSession(session);
        assertEquals(Optional.empty(), log.after(session, a.id()));
        assertEquals(Optional.empty(), log.after(session, b.id()));
        assertEquals(
                List.of("kept"),
                log.after(other, EventIds.of(kept, 0)).orElseThrow().events().stream()
                        .map(StreamEvent::data)
                        .toList());
    }
}
