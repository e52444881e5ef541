package dev.switchboard.protocol.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.observability.McpMetrics;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.MetaKeys;
import dev.switchboard.protocol.core.RequestChannel;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.protocol.core.ServerCapabilities;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.task.TaskConfig;
import dev.switchboard.task.TaskRecord;
import dev.switchboard.task.TaskWire;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code subscriptions/listen} (2026-07-28): long-lived response streams carrying the change notifications their
 * clients opted in to, each tagged with the listen request's id. Streams are held by the replica the client reached;
 * a change noticed on any replica is broadcast to all of them ({@link ResourceSubscriptions}), and each notifies the
 * listeners it holds.
 */
@Singleton
@Startup // so its gauge of open streams exists, at 0, before the first stream opens
public class ListenStreams {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    private final ToolRegistry tools;
    private final Duration pollInterval;

    public ListenStreams(McpMetrics metrics, TaskConfig tasks, ToolRegistry tools) {
        this.tools = tools;
        metrics.activeStreams("listen", this, ListenStreams::size);
        this.pollInterval = tasks.pollInterval();
    }

    /**
     * What a listener opted in to and this server honours. Prompt lists are fixed; the tool list changes only when an
     * upstream server's does, so {@code toolsListChanged} is honoured only with upstreams configured.
     *
     * @param taskIds tasks whose changes it receives ({@code notifications/tasks}, the tasks extension)
     */
    record Filter(
            boolean toolsListChanged,
            boolean resourcesListChanged,
            Set<String> resourceSubscriptions,
            Set<String> taskIds) {

        ObjectNode toJson() {
            ObjectNode json = JSON.objectNode();
            if (toolsListChanged) {
                json.put("toolsListChanged", true);
            }
            if (resourcesListChanged) {
                json.put("resourcesListChanged", true);
            }
            if (!resourceSubscriptions.isEmpty()) {
                ArrayNode uris = json.putArray("resourceSubscriptions");
                resourceSubscriptions.forEach(uris::add);
            }
            if (!taskIds.isEmpty()) {
                ArrayNode ids = json.putArray("taskIds");
                taskIds.forEach(ids::add);
            }
            return json;
        }
    }

    /** @param owner the principal that listens: it hears of its own tasks only */
    private record Listener(
            JsonNode id, String owner, Filter filter, RequestChannel channel, CompletableFuture<Object> ended) {}

    /**
     * Acknowledges the subscription on the request's stream and keeps it open until the client leaves (no response)
     * or the server shuts down (an empty result).
     */
    public Uni<Object> listen(McpRequest request) {
        JsonNode requested = request.message().param("notifications");
        if (!requested.isObject()) {
            throw JsonRpcException.invalidParams("subscriptions/listen needs params.notifications, e.g."
                    + " {\"resourcesListChanged\": true, \"resourceSubscriptions\": [\"switchboard://...\"]}");
        }
        Set<String> uris = new LinkedHashSet<>();
        JsonNode subscriptions = requested.path("resourceSubscriptions");
        if (!subscriptions.isMissingNode()) {
            if (!subscriptions.isArray()) {
                throw JsonRpcException.invalidParams("notifications.resourceSubscriptions must be an array of URIs");
            }
            subscriptions.forEach(uri -> {
                if (!uri.isTextual()) {
                    throw JsonRpcException.invalidParams("notifications.resourceSubscriptions must hold URI strings");
                }
                uris.add(uri.asText());
            });
        }
        Set<String> taskIds = taskIds(request, requested.path("taskIds"));
        Filter filter = new Filter(
                requested.path("toolsListChanged").asBoolean(false) && tools.mayChange(),
                requested.path("resourcesListChanged").asBoolean(false),
                Set.copyOf(uris),
                taskIds);
        JsonNode id = request.message().id().value();
        Listener listener = new Listener(
                id, request.caller().principal().id(), filter, request.channel(), new CompletableFuture<>());
        ObjectNode ack = JSON.objectNode().set("notifications", filter.toJson());
        if (!request.channel().send(tagged("notifications/subscriptions/acknowledged", ack, id))) {
            throw JsonRpcException.invalidRequest("subscriptions/listen needs a streamed response");
        }
        listeners.add(listener);
        request.channel().onClientGone(() -> listeners.remove(listener));
        return Uni.createFrom().completionStage(listener.ended());
    }

    /** Notifies the listeners held here that asked for it that the list of tools changed. */
    void toolsChanged() {
        for (Listener listener : listeners) {
            if (listener.filter().toolsListChanged()) {
                send(listener, "notifications/tools/list_changed", JSON.objectNode());
            }
        }
    }

    /** Notifies the listeners held here that a resource (or, for null, the list of resources) changed. */
    void changed(String uri) {
        for (Listener listener : listeners) {
            if (uri == null && listener.filter().resourcesListChanged()) {
                send(listener, "notifications/resources/list_changed", JSON.objectNode());
            } else if (uri != null && listener.filter().resourceSubscriptions().contains(uri)) {
                send(
                        listener,
                        "notifications/resources/updated",
                        JSON.objectNode().put("uri", uri));
            }
        }
    }

    private static Set<String> taskIds(McpRequest request, JsonNode requested) {
        if (requested.isMissingNode()) {
            return Set.of();
        }
        if (!requested.isArray()) {
            throw JsonRpcException.invalidParams("notifications.taskIds must be an array of task ids");
        }
        if (!request.caller().declaresExtension(ServerCapabilities.TASKS_EXTENSION)) {
            throw RequestRejectedException.missingTasksExtension(
                    request.message().id(), "notifications.taskIds belongs to the tasks extension");
        }
        Set<String> ids = new LinkedHashSet<>();
        requested.forEach(taskId -> {
            if (!taskId.isTextual()) {
                throw JsonRpcException.invalidParams("notifications.taskIds must hold task id strings");
            }
            ids.add(taskId.asText());
        });
        return Set.copyOf(ids);
    }

    /** Whether a listener held here follows the task. */
    public boolean listensTo(String taskId) {
        for (Listener listener : listeners) {
            if (listener.filter().taskIds().contains(taskId)) {
                return true;
            }
        }
        return false;
    }

    /** Sends the task as it now stands to the listeners held here that follow it and own it. */
    public void taskChanged(TaskRecord task) {
        for (Listener listener : listeners) {
            if (listener.filter().taskIds().contains(task.id())
                    && listener.owner().equals(task.owner())) {
                send(listener, "notifications/tasks", TaskWire.stateless(task, pollInterval, true));
            }
        }
    }

    /** Ends every listen stream held here gracefully (shutdown): each gets its empty result. */
    public void endAll() {
        for (Listener listener : listeners) {
            listeners.remove(listener);
            ObjectNode result = JSON.objectNode();
            result.putObject("_meta").set(MetaKeys.SUBSCRIPTION_ID, listener.id());
            listener.ended().complete(result);
        }
    }

    /** How many listen streams this replica holds. */
    public int size() {
        return listeners.size();
    }

    private void send(Listener listener, String method, ObjectNode params) {
        if (!listener.channel().send(tagged(method, params, listener.id()))) {
            listeners.remove(listener);
        }
    }

    private static JsonRpcNotification tagged(String method, ObjectNode params, JsonNode subscriptionId) {
        params.withObject("/_meta").set(MetaKeys.SUBSCRIPTION_ID, subscriptionId);
        return new JsonRpcNotification(method, params);
    }
}
