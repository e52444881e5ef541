package dev.switchboard.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Await;
import dev.switchboard.testing.Gate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Logging, delivery and resumption of streams, without HTTP. */
class StreamHubTest {

    private final InMemoryEventLog log = new InMemoryEventLog(Clock.systemUTC(), Duration.ofMinutes(5), 2, 3);
    private final StreamHub hub = new StreamHub(log);

    @Test
    void resumeReplaysExactlyTheMissedEventsThenFollowsTheStream() {
        RecordingConnection first = new RecordingConnection();
        String stream = hub.open("s1", first);
        hub.publish("s1", stream, "a");
        hub.disconnect("s1", stream);
        hub.publish("s1", stream, "b");
        hub.publish("s1", stream, "c");

        RecordingConnection second = new RecordingConnection();
        assertTrue(hub.resume("s1", first.ids.get(0), second));
        assertEquals(List.of("b", "c"), second.data);
        hub.finish("s1", stream, "done");
        assertEquals(List.of("b", "c", "done"), second.data);
        assertTrue(second.closed);
        assertEquals(List.of("a"), first.data, "the dropped connection got nothing after it left");
    }

    @Test
    void aForwardThatArrivesAfterAGapIsPrecededByTheMissedEventsFromTheLog() {
        RecordingConnection client = new RecordingConnection();
        String stream = hub.open("s1", client);
        hub.publish("s1", stream, "a");
        // Another replica logs b and c; the forward of b is lost (its subscription was moving), c's arrives.
        StreamEvent b = log.append("s1", stream, "b", false);
        StreamEvent c = log.append("s1", stream, "c", false);
        hub.deliverRemote("s1", stream, new StreamEvent(c.id(), c.data(), b.id()), false);
        Await.until(() -> client.data.size() == 3);
        assertEquals(List.of("a", "b", "c"), client.data, "in the log's order, each once");
        hub.deliverRemote("s1", stream, new StreamEvent(b.id(), b.data(), null), false);
        assertEquals(List.of("a", "b", "c"), client.data, "a late forward of b is not written again");
    }

    @Test
    void aStreamEndsForItsClientEvenWhenTheLogCannotBeReached() {
        EventLog failing = new InMemoryEventLog(Clock.systemUTC(), Duration.ofMinutes(5), 2, 3) {
            @Override
            public StreamEvent append(String sessionId, String streamId, String data, boolean last) {
                throw new IllegalStateException("Connection pool reached max wait queue size of 24");
            }

            @Override
            public void release(String sessionId, String streamId) {
                throw new IllegalStateException("Redis is down");
            }
        };
        StreamHub hub = new StreamHub(failing);
        RecordingConnection client = new RecordingConnection();
        String stream = hub.open("s1", client);
        hub.publish("s1", stream, "progress");
        hub.finish("s1", stream, "response");
        assertEquals(List.of("progress", "response"), client.data);
        assertTrue(client.closed, "the stream ended although nothing was logged");
    }

    @Test
    void aFinishedStreamReplaysAndCloses() {
        RecordingConnection first = new RecordingConnection();
        String stream = hub.open("s1", first);
        String primed = EventIds.of(stream, 0);
        hub.disconnect("s1", stream);
        hub.finish("s1", stream, "response");
        RecordingConnection late = new RecordingConnection();
        assertTrue(hub.resume("s1", primed, late));
        assertEquals(List.of("response"), late.data);
        assertTrue(late.closed);
    }

    @Test
    void neverResumesAnotherSessionsStreamOrUnknownIds() {
        RecordingConnection owner = new RecordingConnection();
        String stream = hub.open("s1", owner);
        hub.publish("s1", stream, "secret");
        assertFalse(hub.resume("s2", owner.ids.get(0), new RecordingConnection()));
        assertFalse(hub.resume("s1", "nonsense", new RecordingConnection()));
        assertFalse(hub.resume("s1", EventIds.of(stream, 99), new RecordingConnection()), "an id from the future");
    }

    @Test
    void resumingPastDroppedEventsIsRefusedRatherThanLossy() {
        RecordingConnection connection = new RecordingConnection();
        String stream = hub.open("s1", connection);
        for (String data : List.of("1", "2", "3", "4", "5")) {
            hub.publish("s1", stream, data);
        }
        assertFalse(hub.resume("s1", connection.ids.get(0), new RecordingConnection()), "event 2 was dropped (3 kept)");
        RecordingConnection recent = new RecordingConnection();
        assertTrue(hub.resume("s1", connection.ids.get(1), recent));
        assertEquals(List.of("3", "4", "5"), recent.data);
    }

    @Test
    void aNewStandaloneStreamReplacesTheOldOneAndDropClosesIt() {
        RecordingConnection first = new RecordingConnection();
        String old = hub.openStandalone("s1", first);
        RecordingConnection second = new RecordingConnection();
        String current = hub.openStandalone("s1", second);
        assertTrue(first.closed, "one standalone stream per session and replica");
        hub.publish("s1", current, "update");
        assertEquals(List.of("update"), second.data);
        assertEquals(java.util.Set.of("s1"), hub.sessionsWithStandalone());
        hub.dropSession("s1");
        assertTrue(second.closed);
        assertEquals(java.util.Set.of(), hub.sessionsWithStandalone());
        assertFalse(old.equals(current));
    }

    /** An {@link InMemoryEventLog} whose reads or appends can be held, as a slow Redis round trip would be. */
    private static final class HeldLog extends InMemoryEventLog {
        final Gate gate = new Gate();
        volatile boolean holdReads;
        volatile boolean holdAppends;

        HeldLog() {
            super(Clock.systemUTC(), Duration.ofMinutes(5), 2, 10);
        }

        @Override
        public Optional<Replay> after(String sessionId, String lastEventId) {
            Optional<Replay> replay = super.after(sessionId, lastEventId);
            if (holdReads) {
                gate.pass();
            }
            return replay;
        }

        @Override
        public StreamEvent append(String sessionId, String streamId, String data, boolean last) {
            StreamEvent event = super.append(sessionId, streamId, data, last);
            if (holdAppends) {
                gate.pass();
            }
            return event;
        }
    }

    @Test
    void aForwardNeverWaitsForAResumeThatIsReadingTheLog() throws Exception {
        HeldLog held = new HeldLog();
        StreamHub hub = new StreamHub(held);
        RecordingConnection first = new RecordingConnection();
        String stream = hub.open("s1", first);
        hub.publish("s1", stream, "a");
        hub.disconnect("s1", stream);
        held.append("s1", stream, "b", false); // appended on the replica running the call
        held.holdReads = true;
        RecordingConnection second = new RecordingConnection();
        CompletableFuture<Boolean> resumed =
                CompletableFuture.supplyAsync(() -> hub.resume("s1", first.ids.get(0), second));
        try {
            assertTrue(held.gate.holdsOne(), "the resume reads the log");
            StreamEvent c = held.append("s1", stream, "c", false);
            // The Redis subscriber's event loop: waiting here could keep it from reading the reply the resume waits
            // for.
            CompletableFuture.runAsync(() -> hub.deliverRemote("s1", stream, c, false))
                    .get(2, TimeUnit.SECONDS);
        } finally {
            held.gate.open();
        }
        assertTrue(resumed.get(5, TimeUnit.SECONDS));
        Await.until(() -> second.data.size() == 2);
        assertEquals(List.of("b", "c"), second.data, "the replay, then the forward, each once");
    }

    @Test
    void aRevocationNeverWaitsForAnAppendAndStillClosesTheConnection() throws Exception {
        HeldLog held = new HeldLog();
        StreamHub hub = new StreamHub(held);
        RecordingConnection client = new RecordingConnection();
        String stream = hub.open("s1", client);
        held.holdAppends = true;
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> hub.publish("s1", stream, "progress"));
        try {
            assertTrue(held.gate.holdsOne(), "the publish appends to the log");
            CompletableFuture.runAsync(() -> hub.revoke("s1", stream)).get(2, TimeUnit.SECONDS);
            CompletableFuture.runAsync(() -> hub.dropSession("s2")).get(2, TimeUnit.SECONDS);
        } finally {
            held.gate.open();
        }
        publishing.get(5, TimeUnit.SECONDS);
        Await.until(() -> client.closed);
        assertEquals(List.of("progress"), client.data, "the event being published went out before the close");
    }

    @Test
    void aResumeThatCannotReachTheLogKeepsNoEntryAndTellsItsCaller() {
        EventLog unreachable = new InMemoryEventLog(Clock.systemUTC(), Duration.ofMinutes(5), 2, 3) {
            @Override
            public void claim(String sessionId, String streamId) {
                throw new IllegalStateException("Redis is down");
            }
        };
        StreamHub hub = new StreamHub(unreachable);
        RecordingConnection first = new RecordingConnection();
        String stream = hub.open("s1", first);
        hub.publish("s1", stream, "a");
        hub.disconnect("s1", stream);
        assertThrows(IllegalStateException.class, () -> hub.resume("s1", first.ids.get(0), new RecordingConnection()));
        assertFalse(hub.holds("s1"), "no entry is left without a connection");
    }
}
