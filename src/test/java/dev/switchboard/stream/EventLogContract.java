package dev.switchboard.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link EventLog} must share, run against each implementation: what a client that lost its stream
 * gets back with {@code Last-Event-ID}. Each test uses sessions of its own (the Redis log is shared by the tests).
 */
abstract class EventLogContract {

    protected abstract EventLog log();

    protected final String session = "contract-" + UUID.randomUUID();

    private static List<String> data(EventLog.Replay replay) {
        return replay.events().stream().map(StreamEvent::data).toList();
    }

    private EventLog.Replay replay(String lastEventId) {
        return log().after(session, lastEventId)
                .orElseThrow(() -> new AssertionError("no replay after " + lastEventId));
    }

    @Test
    void aResumeGetsExactlyTheEventsAfterTheLastOneSeen() {
        String stream = log().open(session);
        StreamEvent a = log().append(session, stream, "a", false);
        log().append(session, stream, "b", false);
        log().append(session, stream, "c", false);

        EventLog.Replay replay = replay(a.id());
        assertEquals(stream, replay.streamId());
        assertEquals(List.of("b", "c"), data(replay));
        assertFalse(replay.complete());
        assertEquals(stream, EventIds.streamOf(a.id()), "an event id names its stream");
    }

    @Test
    void thePrimingIdReplaysTheWholeStreamAndTheLastEventIdNothing() {
        String stream = log().open(session);
        log().append(session, stream, "a", false);
        StreamEvent b = log().append(session, stream, "b", false);

        assertEquals(List.of("a", "b"), data(replay(EventIds.of(stream, 0))));
        assertEquals(List.of(), data(replay(b.id())), "nothing missed: an empty replay, not an unknown stream");
    }

    @Test
    void eventIdsGrowAlongTheStream() {
        String stream = log().open(session);
        StreamEvent first = log().append(session, stream, "a", false);
        StreamEvent second = log().append(session, stream, "b", false);
        assertTrue(EventIds.compare(second.id(), first.id()) > 0, first.id() + " then " + second.id());
        assertEquals("a", first.data());
    }

    @Test
    void theLastMessageCompletesTheStream() {
        String stream = log().open(session);
        StreamEvent a = log().append(session, stream, "progress", false);
        log().append(session, stream, "response", true);

        EventLog.Replay replay = replay(a.id());
        assertEquals(List.of("response"), data(replay));
        assertTrue(replay.complete());
    }

    @Test
    void aStreamCompletedWithoutAMessageReplaysWhatItHadAndEnds() {
        String stream = log().open(session);
        log().append(session, stream, "progress", false);
        log().complete(session, stream);

        EventLog.Replay replay = replay(EventIds.of(stream, 0));
        assertEquals(List.of("progress"), data(replay));
        assertTrue(replay.complete());
    }

    @Test
    void streamsOfOneSessionAreApart() {
        String first = log().open(session);
        String second = log().open(session);
        assertNotEquals(first, second);
        log().append(session, first, "on first", false);
        log().append(session, second, "on second", false);

        assertEquals(List.of("on first"), data(replay(EventIds.of(first, 0))));
        assertEquals(List.of("on second"), data(replay(EventIds.of(second, 0))));
    }

    @Test
    void anotherSessionNeverReplaysTheStream() {
        String stream = log().open(session);
        StreamEvent secret = log().append(session, stream, "secret", false);
        log().append(session, stream, "more", false);

        assertEquals(Optional.empty(), log().after("other-" + UUID.randomUUID(), secret.id()));
        assertEquals(Optional.empty(), log().after("other-" + UUID.randomUUID(), EventIds.of(stream, 0)));
    }

    @Test
    void unknownMalformedAndFutureIdsReplayNothing() {
        String stream = log().open(session);
        log().append(session, stream, "a", false);

        assertEquals(Optional.empty(), log().after(session, null));
        assertEquals(Optional.empty(), log().after(session, "nonsense"));
        assertEquals(Optional.empty(), log().after(session, stream + "_not-a-position"));
        assertEquals(Optional.empty(), log().after(session, EventIds.of("no-such-stream", 0)));
        assertEquals(Optional.empty(), log().after(session, EventIds.of(stream, Long.MAX_VALUE / 2)), "not minted yet");
    }

    @Test
    void anEventOnAStreamTheLogDoesNotKnowStillGoesOutButCannotBeReplayed() {
        String unknown = "never-opened";
        StreamEvent event = log().append(session, unknown, "live only", false);
        assertEquals("live only", event.data());
        assertEquals(unknown, EventIds.streamOf(event.id()));
        assertEquals(Optional.empty(), log().after(session, EventIds.of(unknown, 0)));
    }

    @Test
    void claimingAndReleasingAStreamKeepsItsEvents() {
        String stream = log().open(session);
        log().append(session, stream, "before", false);
        log().release(session, stream);
        log().claim(session, stream);
        log().append(session, stream, "after", false);
        assertEquals(List.of("before", "after"), data(replay(EventIds.of(stream, 0))));
    }
}
