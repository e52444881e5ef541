package dev.switchboard.api;

/**
 * Tells clients that resources changed: {@code notifications/resources/updated} to the sessions subscribed to a URI,
 * {@code notifications/resources/list_changed} to every session with an open notification stream.
 */
public interface ResourceNotifier {

    /** A resource shared by all sessions changed. */
    void updated(String uri);

    /** A resource that belongs to one session changed (e.g. its calendar). */
    void updated(String sessionId, String uri);

    /** Several views of a session's resource changed together (e.g. its calendar as JSON and as iCalendar). */
    default void updated(String sessionId, java.util.List<String> uris) {
        uris.forEach(uri -> updated(sessionId, uri));
    }

    /** Resources were added or removed. */
    void listChanged();
}
