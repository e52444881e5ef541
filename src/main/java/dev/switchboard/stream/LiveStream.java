package dev.switchboard.stream;

/**
 * A stream as this replica sees it: the client connection it holds (or none), and the last event written to it, so
 * a replay and a forward that overlap write each event once and in order.
 */
final class LiveStream {
    StreamConnection connection;
    String lastDelivered;

    LiveStream(StreamConnection connection) {
        this.connection = connection;
    }

    /** True when the log has an entry between the last event this connection got and {@code event}. */
    boolean missedBefore(StreamEvent event) {
        return connection != null
                && lastDelivered != null
                && event.previousId() != null
                && EventIds.compare(event.previousId(), lastDelivered) > 0;
    }

    /** Writes an event unless this connection already had it (a replay and a forward may overlap). */
    void deliver(StreamEvent event) {
        if (connection == null) {
            return;
        }
        if (lastDelivered != null && EventIds.compare(event.id(), lastDelivered) <= 0) {
            return;
        }
        connection.deliver(event);
        lastDelivered = event.id();
    }

    synchronized void detachAndClose() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
