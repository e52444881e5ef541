package dev.switchboard.stream;

import dev.switchboard.config.SwitchboardConfig;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event log in this process's memory, bounded: per session at most {@code streamsPerSession} streams (oldest
 * dropped first) and per stream the newest {@code eventsPerStream} events; a session's streams are dropped once it
 * has been idle for the session TTL.
 */
@Singleton
@Typed(InMemoryEventLog.class)
public class InMemoryEventLog implements EventLog {

    private final Map<String, SessionStreams> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleLimit;
    private final int streamsPerSession;
    private final int eventsPerStream;

    @Inject
    public InMemoryEventLog(SwitchboardConfig config, Clock clock) {
        this(
                clock,
                config.sessions().ttl(),
                config.streams().perSession(),
                config.streams().eventsPerStream());
    }

    public InMemoryEventLog(Clock clock, Duration idleLimit, int streamsPerSession, int eventsPerStream) {
        this.clock = clock;
        this.idleLimit = idleLimit;
        this.streamsPerSession = streamsPerSession;
        this.eventsPerStream = eventsPerStream;
    }

    @Override
    public String open(String sessionId) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> s.lastUsed.plus(idleLimit).isBefore(now));
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        String streamId =
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('_', '.');
        SessionStreams streams = sessions.computeIfAbsent(sessionId, id -> new SessionStreams());
        synchronized (streams) {
            streams.lastUsed = now;
            streams.byId.put(streamId, new Stream());
            if (streams.byId.size() > streamsPerSession) {
                Iterator<String> oldest = streams.byId.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        return streamId;
    }

    @Override
    public StreamEvent append(String sessionId, String streamId, String data, boolean last) {
        SessionStreams streams = sessions.get(sessionId);
        Stream stream = streams == null ? null : streams.get(streamId);
        if (stream == null) {
            // The stream aged out of the log: the event still goes to a live connection, it just cannot be replayed.
            return new StreamEvent(EventIds.of(streamId, Long.MAX_VALUE), data);
        }
        synchronized (streams) {
            streams.lastUsed = clock.instant();
            StreamEvent event = new StreamEvent(EventIds.of(streamId, ++stream.sequence), data);
            stream.events.addLast(event);
            stream.complete |= last;
            if (stream.events.size() > eventsPerStream) {
                stream.events.removeFirst();
            }
            return event;
        }
    }

    @Override
    public void complete(String sessionId, String streamId) {
        SessionStreams streams = sessions.get(sessionId);
        if (streams != null) {
            synchronized (streams) {
                Stream stream = streams.get(streamId);
                if (stream != null) {
                    stream.complete = true;
                }
            }
        }
    }

    @Override
    public Optional<Replay> after(String sessionId, String lastEventId) {
        String streamId = EventIds.streamOf(lastEventId);
        long sequence = EventIds.sequenceOf(lastEventId);
        SessionStreams streams = sessions.get(sessionId);
        if (streamId == null || sequence < 0 || streams == null) {
            return Optional.empty();
        }
        synchronized (streams) {
            Stream stream = streams.get(streamId);
            if (stream == null || sequence > stream.sequence) {
                return Optional.empty();
            }
            long oldestKept = stream.events.isEmpty()
                    ? stream.sequence + 1
                    : EventIds.sequenceOf(stream.events.peekFirst().id());
            if (sequence + 1 < oldestKept) {
                return Optional.empty(); // some missed events were dropped: resuming would silently lose them
            }
            List<StreamEvent> missed = new ArrayList<>();
            for (StreamEvent event : stream.events) {
                if (EventIds.sequenceOf(event.id()) > sequence) {
                    missed.add(event);
                }
            }
            streams.lastUsed = clock.instant();
            return Optional.of(new Replay(streamId, missed, stream.complete));
        }
    }

    @Override
    public void dropSession(String sessionId) {
        sessions.remove(sessionId);
    }

    private static final class SessionStreams {
        private final Map<String, Stream> byId = new LinkedHashMap<>();
        private Instant lastUsed = Instant.MIN;

        private Stream get(String streamId) {
            return byId.get(streamId);
        }
    }

    private static final class Stream {
        private final ArrayDeque<StreamEvent> events = new ArrayDeque<>();
        private long sequence;
        private boolean complete;
    }
}
