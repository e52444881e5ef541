package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.config.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.resource.ResourceNotifier;
import dev.switchboard.stream.StreamHub;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sessions subscribed to which resource URIs, and the delivery of change notifications on their standalone
 * (GET) streams. Kept in this process for now; a session without an open stream misses the notification.
 */
@ApplicationScoped
public class ResourceSubscriptions implements ResourceNotifier {

    private final Map<String, Set<String>> bySession = new ConcurrentHashMap<>();
    private final StreamHub hub;
    private final JsonCodec json;

    public ResourceSubscriptions(StreamHub hub, JsonCodec json) {
        this.hub = hub;
        this.json = json;
    }

    void subscribe(String sessionId, String uri) {
        bySession
                .computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet())
                .add(uri);
    }

    void unsubscribe(String sessionId, String uri) {
        Set<String> uris = bySession.get(sessionId);
        if (uris != null) {
            uris.remove(uri);
        }
    }

    @Override
    public void updated(String uri) {
        String message = updatedMessage(uri);
        bySession.forEach((sessionId, uris) -> {
            if (uris.contains(uri)) {
                hub.publishStandalone(sessionId, message);
            }
        });
    }

    @Override
    public void updated(String sessionId, String uri) {
        Set<String> uris = bySession.get(sessionId);
        if (uris != null && uris.contains(uri)) {
            hub.publishStandalone(sessionId, updatedMessage(uri));
        }
    }

    @Override
    public void listChanged() {
        String message = json.write(new JsonRpcNotification("notifications/resources/list_changed", null));
        hub.sessionsWithStandalone().forEach(sessionId -> hub.publishStandalone(sessionId, message));
    }

    /** Forgets a session's subscriptions. */
    public void dropSession(String sessionId) {
        bySession.remove(sessionId);
    }

    private String updatedMessage(String uri) {
        return json.write(new JsonRpcNotification(
                "notifications/resources/updated",
                JsonNodeFactory.instance.objectNode().put("uri", uri)));
    }
}
