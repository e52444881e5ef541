package dev.switchboard.protocol.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * The other replicas of this server, for requests that must reach the replica where a call runs: a client's answer
 * to a server-to-client request, and a cancellation. A single process has no others ({@link #NONE}).
 */
public interface Replicas {

    /** This process is the only replica. */
    Replicas NONE = new Replicas() {
        @Override
        public Uni<Void> awaitingAnswer(String sessionId, JsonRpcId id, Duration ttl) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Boolean> routeAnswer(String sessionId, JsonRpcResponse response) {
            return Uni.createFrom().item(false);
        }

        @Override
        public void cancelElsewhere(String sessionId, JsonRpcId requestId) {}

        @Override
        public void resourceChanged(String uri) {}

        @Override
        public void taskChanged(String owner, String taskId) {}

        @Override
        public void cancelTask(String taskId) {}

        @Override
        public void answerTask(String taskId, JsonNode responses) {}

        @Override
        public boolean alone() {
            return true;
        }
    };

    /** Records that this replica waits for the answer to request {@code id}, for at most {@code ttl}. */
    Uni<Void> awaitingAnswer(String sessionId, JsonRpcId id, Duration ttl);

    /** Sends a client's answer to the replica waiting for it; false when no replica waits for it. */
    Uni<Boolean> routeAnswer(String sessionId, JsonRpcResponse response);

    /** Asks every replica to cancel the request, wherever it runs. */
    void cancelElsewhere(String sessionId, JsonRpcId requestId);

    /** Tells every replica that a resource (or, for null, the list of resources) changed. */
    void resourceChanged(String uri);

    /** Tells the other replicas that a task changed, for the {@code tasks/result} calls and listeners they hold. */
    void taskChanged(String owner, String taskId);

    /** Asks every replica to stop the task's work, wherever it runs. */
    void cancelTask(String taskId);

    /** Hands the client's answers to the replica running the task. */
    void answerTask(String taskId, JsonNode responses);

    /**
     * True when this process is the only replica. (Asked, not compared with {@link #NONE}: the injected instance is
     * a CDI client proxy.)
     */
    default boolean alone() {
        return false;
    }
}
