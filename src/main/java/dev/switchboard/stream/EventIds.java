package dev.switchboard.stream;

/** Event ids name their stream, so a client resuming with {@code Last-Event-ID} resumes exactly that stream. */
public final class EventIds {

    private static final char SEPARATOR = '_';

    private EventIds() {}

    public static String of(String streamId, long sequence) {
        return streamId + SEPARATOR + sequence;
    }

    /** An id at a Redis stream entry id, e.g. {@code 1732435200000-3}. */
    public static String of(String streamId, String position) {
        return streamId + SEPARATOR + position;
    }

    public static String streamOf(String eventId) {
        int at = eventId == null ? -1 : eventId.lastIndexOf(SEPARATOR);
        return at <= 0 ? null : eventId.substring(0, at);
    }

    /**
     * Orders two event ids of the same stream. Ids end in a sequence number ({@code 7}) or a Redis stream entry id
     * ({@code 1732435200000-3}); both compare numerically.
     */
    public static int compare(String left, String right) {
        long[] a = position(left);
        long[] b = position(right);
        return a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]);
    }

    private static long[] position(String eventId) {
        String tail = eventId.substring(eventId.lastIndexOf(SEPARATOR) + 1);
        int dash = tail.indexOf('-');
        try {
            return dash < 0
                    ? new long[] {Long.parseLong(tail), 0}
                    : new long[] {Long.parseLong(tail.substring(0, dash)), Long.parseLong(tail.substring(dash + 1))};
        } catch (NumberFormatException e) {
            return new long[] {-1, -1};
        }
    }

    /** An id after {@code previous} (or after now, when null) on the stream, for events the log could not number. */
    public static String after(String streamId, String previous) {
        if (previous == null) {
            return of(streamId, System.currentTimeMillis() + "-0");
        }
        long[] at = position(previous);
        return of(streamId, at[0] + "-" + (at[1] + 1));
    }

    /** The part of an event id after the stream id. */
    public static String positionOf(String eventId) {
        int at = eventId == null ? -1 : eventId.lastIndexOf(SEPARATOR);
        return at <= 0 ? null : eventId.substring(at + 1);
    }

    /** The sequence number of an event id, or -1 when it is malformed. */
    public static long sequenceOf(String eventId) {
        int at = eventId == null ? -1 : eventId.lastIndexOf(SEPARATOR);
        if (at <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(eventId.substring(at + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
