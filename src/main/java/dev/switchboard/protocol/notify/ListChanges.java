package dev.switchboard.protocol.notify;

import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.resource.ResourceRegistry;
import dev.switchboard.stream.StreamHub;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Tells clients that the list of tools, or of resources, changed (an upstream server's did): {@code
 * notifications/tools/list_changed} or {@code notifications/resources/list_changed} on the standalone stream of each
 * session connected to this replica, and to the {@code subscriptions/listen} streams (2026-07-28) held here that asked
 * for it. Every replica mounts the upstreams itself, so each tells its own clients.
 */
@Singleton
public class ListChanges {

    private final StreamHub hub;
    private final ResourceSubscriptions subscriptions;
    private final ListenStreams listens;

    ListChanges(StreamHub hub, ResourceSubscriptions subscriptions, ListenStreams listens) {
        this.hub = hub;
        this.subscriptions = subscriptions;
        this.listens = listens;
    }

    void listen(@Observes StartupEvent event, ToolRegistry tools, ResourceRegistry resources) {
        tools.onChange(this::toolsChanged);
        resources.onChange(() -> subscriptions.changedHere(null));
    }

    /** Runs on the thread that changed the registry, which may wait on the store. */
    void toolsChanged() {
        listens.toolsChanged();
        JsonRpcNotification notification = new JsonRpcNotification("notifications/tools/list_changed", null);
        for (String sessionId : hub.sessionsWithStandalone()) {
            subscriptions.sendToSession(sessionId, notification);
        }
    }
}
