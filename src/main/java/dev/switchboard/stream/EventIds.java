package dev.switchboard.stream;

/** Event ids name their stream, so a client resuming with {@code Last-Event-ID} resumes exactly that stream. */
public final class EventIds {

    private static final char SEPARATOR = '_';

    private EventIds() {}

    public static String of(String streamId, long sequence) {
        return streamId + SEPARATOR + sequence;
    }

    public static String streamOf(String eventId) {
        int at = eventId == null ? -1 : eventId.lastIndexOf(SEPARATOR);
        return at <= 0 ? null : eventId.substring(0, at);
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
