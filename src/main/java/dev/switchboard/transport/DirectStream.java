package dev.switchboard.transport;

import dev.switchboard.observability.McpMetrics;

/**
 * The 2026-07-28 stream: events go straight to the connection, without ids (the stream can be neither logged nor
 * resumed). The exchange watches the connection: keep-alives, and a client that goes away cancels the request.
 */
final class DirectStream implements EventStream {

    private final McpMetrics metrics;
    private SseConnection connection;

    DirectStream(McpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void open(SseConnection connection) {
        this.connection = connection;
        metrics.statelessStreamOpened();
    }

    @Override
    public void send(String data) {
        connection.sendData(data);
    }

    @Override
    public void finish(String data) {
        connection.sendData(data);
        end();
    }

    @Override
    public void end() {
        metrics.statelessStreamClosed();
        connection.close();
    }

    @Override
    public boolean endsOffTheEventLoop() {
        return false;
    }

    @Override
    public void clientGone() {
        metrics.statelessStreamClosed();
    }
}
