package dev.switchboard.protocol.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.api.ResourceNotifier;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcMessage;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.protocol.core.Replicas;
import dev.switchboard.session.SessionStore;
import dev.switchboard.stream.StreamHub;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Resource subscriptions and the delivery of change notifications on sessions' standalone (GET) streams. Both the
 * subscriptions and the session's current standalone stream are session collections in the session store, so a
 * change noticed on any replica reaches the subscriber's stream wherever it is connected.
 *
 * <p>The notifying methods wait on the store: call them from worker threads (tools, resource beans).
 */
@Singleton
public class ResourceSubscriptions implements ResourceNotifier {

    private static final String SUBSCRIPTIONS = "subscriptions";
    private static final String STANDALONE = "standalone-streams";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SessionStore sessions;
    private final StreamHub hub;
    private final JsonCodec json;
    private final Replicas replicas;
    private final Clock clock;
    private final ListenStreams listens;

    public ResourceSubscriptions(
            SessionStore sessions,
            StreamHub hub,
            JsonCodec json,
            Replicas replicas,
            Clock clock,
            ListenStreams listens) {
        this.listens = listens;
        this.sessions = sessions;
        this.hub = hub;
        this.json = json;
        this.replicas = replicas;
        this.clock = clock;
    }

    public Uni<Boolean> subscribe(String sessionId, String uri) {
        return sessions.addEntry(sessionId, SUBSCRIPTIONS, 0, uri);
    }

    public Uni<Boolean> unsubscribe(String sessionId, String uri) {
        return sessions.removeEntry(sessionId, SUBSCRIPTIONS, uri);
    }

    /** Records the session's newest standalone stream: notifications go there, from any replica. */
    public Uni<Boolean> standaloneOpened(String sessionId, String streamId) {
        return sessions.addEntry(sessionId, STANDALONE, clock.millis(), streamId);
    }

    @Override
    public void updated(String uri) {
        if (replicas.alone()) {
            changedHere(uri);
        } else {
            replicas.resourceChanged(uri); // every replica, this one included, notifies the sessions it serves
        }
    }

    @Override
    public void updated(String sessionId, String uri) {
        updated(sessionId, List.of(uri));
    }

    /** Reads the session's subscriptions and its stream once, however many URIs changed. */
    @Override
    public void updated(String sessionId, List<String> uris) {
        List<String> subscribed = subscriptions(sessionId);
        List<String> messages = uris.stream()
                .filter(subscribed::contains)
                .map(this::updatedMessage)
                .toList();
        if (!messages.isEmpty()) {
            publish(sessionId, messages);
        }
    }

    @Override
    public void listChanged() {
        updated((String) null);
    }

    /**
     * Notifies the sessions whose standalone stream is connected to this replica, and the {@code subscriptions/listen}
     * streams (2026-07-28) held here.
     *
     * @param uri the changed resource, or null when the list of resources changed
     */
    public void changedHere(String uri) {
        listens.changed(uri);
        String listChanged =
                uri == null ? json.write(new JsonRpcNotification("notifications/resources/list_changed", null)) : null;
        for (String sessionId : hub.sessionsWithStandalone()) {
            if (uri == null) {
                publish(sessionId, List.of(listChanged));
            } else if (subscriptions(sessionId).contains(uri)) {
                publish(sessionId, List.of(updatedMessage(uri)));
            }
        }
    }

    private List<String> subscriptions(String sessionId) {
        return sessions.entries(sessionId, SUBSCRIPTIONS, 0, 0).await().atMost(TIMEOUT);
    }

    /**
     * Sends a message on the session's standalone (GET) stream, wherever it is connected; false when the session has
     * none. Waits on the store: call it from a worker thread.
     */
    public boolean sendToSession(String sessionId, JsonRpcMessage message) {
        return publish(sessionId, List.of(json.write(message)));
    }

    private boolean publish(String sessionId, List<String> messages) {
        List<String> streams = sessions.entries(
                        sessionId, STANDALONE, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
                .await()
                .atMost(TIMEOUT);
        if (!streams.isEmpty()) {
            String newest = streams.get(streams.size() - 1);
            messages.forEach(message -> hub.publish(sessionId, newest, message));
        }
        return !streams.isEmpty();
    }

    private String updatedMessage(String uri) {
        return json.write(new JsonRpcNotification(
                "notifications/resources/updated",
                JsonNodeFactory.instance.objectNode().put("uri", uri)));
    }
}
