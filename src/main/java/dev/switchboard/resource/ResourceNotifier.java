package dev.switchboard.resource;

/**
 * Tells clients that resources changed: {@code notifications/resources/updated} to the sessions subscribed to a URI,
 * {@code notifications/resources/list_changed} to every session with an open notification stream.
 */
public interface ResourceNotifier {

    /** A resource shared by all sessions changed. */
    void updated(String uri);

    /** A resource that belongs to one session changed (e.g. its calendar). */
    void updated(String sessionId, String uri);

    /** Resources were added or removed. */
    void listChanged();
}
