package dev.switchboard.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection that records what it receives; safe across a pub/sub thread and the test thread. */
final class RecordingConnection implements StreamConnection {

    final List<String> data = new CopyOnWriteArrayList<>();
    final List<String> ids = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    @Override
    public void deliver(StreamEvent event) {
        ids.add(event.id());
        data.add(event.data());
    }

    @Override
    public void close() {
        closed = true;
    }
}
