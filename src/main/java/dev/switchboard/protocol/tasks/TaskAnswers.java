package dev.switchboard.protocol.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The answers a running task waits for ({@code tasks/update}), by input request key. */
final class TaskAnswers {

    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** Registered before the request is shown to the client, so no answer can come first. */
    CompletableFuture<JsonNode> expect(String key) {
        return pending.computeIfAbsent(key, ignored -> new CompletableFuture<>());
    }

    /** Completes the requests the responses answer; keys nobody waits for are ignored, as the extension asks. */
    void deliver(JsonNode responses) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = responses.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> response = fields.next();
            CompletableFuture<JsonNode> waiter = pending.remove(response.getKey());
            if (waiter != null) {
                waiter.complete(response.getValue());
            }
        }
    }

    /** The task was cancelled: nobody waits any more. */
    void abandon() {
        pending.values().forEach(waiter -> waiter.cancel(false));
        pending.clear();
    }
}
