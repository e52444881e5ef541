package dev.switchboard.protocol.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ClientRequestException;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.core.CallControl;
import dev.switchboard.protocol.core.Replicas;
import dev.switchboard.protocol.core.RequestChannel;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Server-to-client requests (sampling, elicitation, roots): sends them on the calling request's channel, routes
 * the client's POSTed response back by session and id, and gives up after a timeout.
 */
@Singleton
public class ClientRequests {

    private static final Logger LOG = Logger.getLogger(ClientRequests.class);

    private final Map<String, CompletableFuture<JsonRpcResponse>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Duration timeout;
    private final Replicas replicas;

    public ClientRequests(SwitchboardConfig config, Replicas replicas) {
        this.timeout = config.clientRequests().timeout();
        this.replicas = replicas;
    }

    /**
     * Sends a request to the client and waits, on the current worker thread, for its result.
     *
     * @throws ClientRequestException when the channel cannot carry requests, the client answers with an error, the
     *     call is cancelled, or no answer comes within the timeout
     */
    public JsonNode call(
            String sessionId, RequestChannel channel, CallControl control, String method, ObjectNode params) {
        JsonRpcId id = JsonRpcId.of("switchboard-" + ids.incrementAndGet());
        String key = key(sessionId, id);
        CompletableFuture<JsonRpcResponse> answer = new CompletableFuture<>();
        pending.put(key, answer);
        control.onCancel(() -> answer.cancel(false));
        try {
            // The client may POST its answer to any replica: record that this one waits for it.
            replicas.awaitingAnswer(sessionId, id, timeout).await().atMost(timeout);
            if (!channel.send(new JsonRpcRequest(id, method, params))) {
                throw new ClientRequestException(method + " cannot be sent here: the request must be a single POST"
                        + " whose response the client reads as a stream");
            }
            JsonRpcResponse response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.error() != null) {
                throw new ClientRequestException("The client answered " + method + " with error "
                        + response.error().code() + ": " + response.error().message());
            }
            return (JsonNode) response.result();
        } catch (TimeoutException e) {
            throw new ClientRequestException(
                    "The client did not answer " + method + " within " + timeout.toSeconds() + " s");
        } catch (CancellationException | InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientRequestException(method + " was abandoned: the call was cancelled");
        } catch (ExecutionException e) {
            throw new ClientRequestException(method + " failed: " + e.getCause().getMessage());
        } finally {
            pending.remove(key);
        }
    }

    /**
     * Hands a client's response to the request waiting for it, here or on another replica.
     *
     * @return false when nothing waits for that id (unknown, answered or expired)
     */
    public Uni<Boolean> complete(String sessionId, JsonRpcResponse response) {
        if (completeHere(sessionId, response)) {
            return Uni.createFrom().item(true);
        }
        return replicas.routeAnswer(sessionId, response).invoke(routed -> {
            if (!routed) {
                LOG.debugf("Ignoring a response to unknown or expired request %s", response.id());
            }
        });
    }

    /** Completes a request waiting in this process; false when none waits for that id here. */
    public boolean completeHere(String sessionId, JsonRpcResponse response) {
        CompletableFuture<JsonRpcResponse> answer = pending.remove(key(sessionId, response.id()));
        return answer != null && answer.complete(response);
    }

    private static String key(String sessionId, JsonRpcId id) {
        return sessionId + '\n' + id.key();
    }
}
