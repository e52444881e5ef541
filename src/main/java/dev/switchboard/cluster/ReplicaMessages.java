package dev.switchboard.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.jsonrpc.JsonRpcParser;
import dev.switchboard.jsonrpc.JsonRpcPayload;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.RunningCalls;
import dev.switchboard.protocol.input.ClientRequests;
import dev.switchboard.protocol.notify.ResourceSubscriptions;
import dev.switchboard.protocol.tasks.TaskSignals;
import dev.switchboard.stream.EventIds;
import dev.switchboard.stream.ReplicaIdentity;
import dev.switchboard.stream.StreamEvent;
import dev.switchboard.stream.StreamHub;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * What other replicas send this one over the {@link ReplicaBus}, handed to the part that acts on it: stream events and
 * take-overs, answers to requests waiting here, cancellations, resource and task changes. Runs on the event loop.
 */
@ApplicationScoped
public class ReplicaMessages {

    private static final Logger LOG = Logger.getLogger(ReplicaMessages.class);

    private final StreamHub hub;
    private final ClientRequests clientRequests;
    private final RunningCalls running;
    private final ResourceSubscriptions subscriptions;
    private final TaskSignals tasks;
    private final JsonRpcParser parser;
    private final String replicaId;

    public ReplicaMessages(
            StreamHub hub,
            ClientRequests clientRequests,
            RunningCalls running,
            ResourceSubscriptions subscriptions,
            TaskSignals tasks,
            JsonCodec json,
            ReplicaIdentity replica) {
        this.hub = hub;
        this.clientRequests = clientRequests;
        this.running = running;
        this.subscriptions = subscriptions;
        this.tasks = tasks;
        this.parser = new JsonRpcParser(json.mapper());
        this.replicaId = replica.id();
    }

    /** Acts on one message (its kind is {@code k}); unknown kinds are ignored, for replicas of a later version. */
    void handle(JsonNode node) {
        String session = node.path("s").asText();
        switch (node.path("k").asText()) {
            case "event" -> {
                String stream = node.path("st").asText();
                hub.deliverRemote(
                        session,
                        stream,
                        new StreamEvent(
                                EventIds.of(stream, node.path("id").asText()),
                                node.path("d").asText(),
                                node.path("p").isTextual()
                                        ? EventIds.of(stream, node.path("p").asText())
                                        : null),
                        node.path("l").asBoolean());
            }
            case "revoke" -> hub.revoke(session, node.path("st").asText());
            case "answer" -> {
                if (parser.entry(node.path("r")) instanceof JsonRpcPayload.Valid valid
                        && valid.message() instanceof JsonRpcResponse response) {
                    clientRequests.completeHere(session, response);
                }
            }
            case "cancel" -> {
                JsonNode id = node.path("id");
                if (id.isTextual() || id.isIntegralNumber()) {
                    running.cancelHere(session, new JsonRpcId(id));
                }
            }
            case "resources" -> {
                // Checking subscriptions and logging events wait on Redis: off the event loop.
                String uri = node.hasNonNull("uri") ? node.get("uri").asText() : null;
                Infrastructure.getDefaultWorkerPool().execute(() -> subscriptions.changedHere(uri));
            }
            case "task" -> {
                if (!replicaId.equals(node.path("from").asText())) { // this replica already applied its own
                    tasks.changedHere(node.path("o").asText(), node.path("t").asText());
                }
            }
            case "task-cancel" -> tasks.cancelHere(node.path("t").asText());
            case "task-input" -> tasks.answerHere(node.path("t").asText(), node.path("r"));
            default -> LOG.debugf("Ignoring replica message %s", node);
        }
    }
}
