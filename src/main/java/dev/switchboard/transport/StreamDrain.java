package dev.switchboard.transport;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.protocol.notify.ListenStreams;
import dev.switchboard.stream.StreamHub;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * On SIGTERM, before Quarkus drains in-flight requests ({@code quarkus.shutdown.timeout}): SSE streams are closed
 * with a {@code retry:} hint, so their clients resume on another replica instead of holding the shutdown up, while
 * calls running here finish and their events reach the clients wherever they reconnected.
 */
@Singleton
class StreamDrain {

    private static final Logger LOG = Logger.getLogger(StreamDrain.class);

    private final StreamHub hub;
    private final ListenStreams listens;
    private final SwitchboardConfig config;

    StreamDrain(StreamHub hub, ListenStreams listens, SwitchboardConfig config) {
        this.hub = hub;
        this.listens = listens;
        this.config = config;
    }

    void onShutdownStarting(@Observes ShutdownDelayInitiatedEvent event) {
        LOG.info("Shutting down: closing SSE streams so their clients reconnect elsewhere");
        hub.closeAll(config.streams().retry());
        listens.endAll(); // 2026-07-28 listeners get their final result and listen again elsewhere
    }
}
