package dev.switchboard.builtin.calendar;

import dev.switchboard.api.ScoredCollection;
import dev.switchboard.api.StateScope;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The calendar of a session or workspace, kept in the session store as a collection ordered by start time, so
 * listing a time range is a range query rather than a scan. Called from tools and resource reads, which run on
 * worker threads and may wait.
 */
final class CalendarBook {

    private static final String COLLECTION = "calendar";

    private CalendarBook() {}

    private static ScoredCollection<CalendarEvent> events(StateScope scope) {
        return scope.collection(COLLECTION, CalendarEvent.class);
    }

    public static void add(StateScope scope, CalendarEvent event) {
        events(scope).add(score(event.start()), event);
    }

    /**
     * Adds {@code event} unless an event with the same title, times and notes is there already, and answers the one
     * the calendar now holds. A client that retries an add whose answer it lost (a timeout, a {@code 503} during a
     * Redis failover after the write landed) so gets the event it added, not a copy.
     */
    public static CalendarEvent addOnce(StateScope scope, CalendarEvent event) {
        double at = score(event.start());
        Optional<CalendarEvent> same = events(scope).range(at, at).stream()
                .filter(other -> sameEvent(other, event))
                .findFirst();
        if (same.isPresent()) {
            return same.get();
        }
        events(scope).add(at, event);
        return event;
    }

    private static boolean sameEvent(CalendarEvent a, CalendarEvent b) {
        return a.title().equals(b.title())
                && a.start().isEqual(b.start())
                && (a.end() == null
                        ? b.end() == null
                        : b.end() != null && a.end().isEqual(b.end()))
                && Objects.equals(a.notes(), b.notes());
    }

    /** Events starting within {@code [from, to]}; either bound may be null for an open range. */
    public static List<CalendarEvent> list(StateScope scope, OffsetDateTime from, OffsetDateTime to) {
        double min = from == null ? Double.NEGATIVE_INFINITY : score(from);
        double max = to == null ? Double.POSITIVE_INFINITY : score(to);
        return events(scope).range(min, max);
    }

    public static Optional<CalendarEvent> find(StateScope scope, String id) {
        return list(scope, null, null).stream()
                .filter(event -> event.id().equals(id))
                .findFirst();
    }

    /** Replaces an event (same id) with its new version; false when it was not there. */
    public static boolean replace(StateScope scope, CalendarEvent old, CalendarEvent updated) {
        if (!remove(scope, old)) {
            return false;
        }
        add(scope, updated);
        return true;
    }

    public static boolean remove(StateScope scope, CalendarEvent event) {
        return events(scope).remove(event);
    }

    /**
     * The other events that share time with {@code event}. An event without an end is a point in time; events touching
     * end to start do not overlap.
     */
    public static List<CalendarEvent> overlapping(StateScope scope, CalendarEvent event) {
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
