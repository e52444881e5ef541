package dev.switchboard.builtin.calendar;

import dev.switchboard.api.ToolException;
import dev.switchboard.config.JsonCodec;
import dev.switchboard.session.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The calendar of a session or workspace, kept in the session store as a collection ordered by start time, so
 * listing a time range is a range query rather than a scan. Called from tools, which run on worker threads and may
 * wait.
 */
@ApplicationScoped
public class CalendarBook {

    private static final String COLLECTION = "calendar";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);

    private final SessionStore sessions;
    private final JsonCodec json;

    public CalendarBook(SessionStore sessions, JsonCodec json) {
        this.sessions = sessions;
        this.json = json;
    }

    public void add(String scope, CalendarEvent event) {
        boolean added = sessions.addEntry(scope, COLLECTION, score(event.start()), json.write(event))
                .await()
                .atMost(STORE_TIMEOUT);
        if (!added) {
            throw new ToolException("The session or workspace ended before the event could be saved; start a new one");
        }
    }

    /** Events starting within {@code [from, to]}; either bound may be null for an open range. */
    public List<CalendarEvent> list(String scope, OffsetDateTime from, OffsetDateTime to) {
        double min = from == null ? Double.NEGATIVE_INFINITY : score(from);
        double max = to == null ? Double.POSITIVE_INFINITY : score(to);
        return sessions.entries(scope, COLLECTION, min, max).await().atMost(STORE_TIMEOUT).stream()
                .map(entry -> json.read(entry, CalendarEvent.class))
                .toList();
    }

    public Optional<CalendarEvent> find(String scope, String id) {
        return list(scope, null, null).stream()
                .filter(event -> event.id().equals(id))
                .findFirst();
    }

    /** Replaces an event (same id) with its new version; false when it was not there. */
    public boolean replace(String scope, CalendarEvent old, CalendarEvent updated) {
        if (!remove(scope, old)) {
            return false;
        }
        add(scope, updated);
        return true;
    }

    public boolean remove(String scope, CalendarEvent event) {
        return sessions.removeEntry(scope, COLLECTION, json.write(event))
                .await()
                .atMost(STORE_TIMEOUT);
    }

    /**
     * The other events that share time with {@code event}. An event without an end is a point in time; events touching
     * end to start do not overlap.
     */
    public List<CalendarEvent> overlapping(String scope, CalendarEvent event) {
        OffsetDateTime end = event.end() == null ? event.start() : event.end();
        // Sorted by start: only events starting no later than this one's end can overlap it.
        return list(scope, null, end).stream()
                .filter(other -> !other.id().equals(event.id()) && overlap(event, other))
                .toList();
    }

    static boolean overlap(CalendarEvent a, CalendarEvent b) {
        OffsetDateTime aEnd = a.end() == null ? a.start() : a.end();
        OffsetDateTime bEnd = b.end() == null ? b.start() : b.end();
        boolean aPoint = a.end() == null;
        boolean bPoint = b.end() == null;
        if (aPoint && bPoint) {
            return a.start().isEqual(b.start());
        }
        if (aPoint) {
            return !a.start().isBefore(b.start()) && a.start().isBefore(bEnd);
        }
        if (bPoint) {
            return !b.start().isBefore(a.start()) && b.start().isBefore(aEnd);
        }
        return a.start().isBefore(bEnd) && b.start().isBefore(aEnd);
    }

    private static double score(OffsetDateTime time) {
        return time.toInstant().getEpochSecond();
    }
}
