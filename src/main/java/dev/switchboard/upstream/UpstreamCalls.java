package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ToolContext;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls of one upstream's tools for our callers: the upstream's progress and log notifications about a call reach
 * the caller, its questions are asked of the caller (a request on the stream in the session era; {@code
 * input_required}, answered by calling again, in 2026-07-28), and a cancellation reaches the upstream. A tool that
 * must run as a task there ({@code execution.taskSupport: required}) is called as one, and its result fetched with
 * {@code tasks/result}, which also carries the task's questions.
 */
final class UpstreamCalls {

    /** How many times one call may answer {@code input_required} before it is given up. */
    private static final int MAX_INPUT_ROUNDS = 10;

    private final String name;
    private final StreamableHttpClient client;
    private final UpstreamRequests requests;
    private final UpstreamMessages messages;
    private final ObjectMapper mapper;

    UpstreamCalls(String name, StreamableHttpClient client, UpstreamRequests requests, UpstreamMessages messages) {
        this.name = name;
        this.client = client;
        this.requests = requests;
        this.messages = messages;
        this.mapper = messages.mapper();
    }

    /**
     * Calls {@code tool} (as the upstream listed it) with {@code arguments}.
     *
     * @return the upstream's {@code CallToolResult}
     */
    JsonNode call(UpstreamSession session, JsonNode tool, JsonNode arguments, ToolContext context) {
        String toolName = tool.path("name").asText();
        ObjectNode params = mapper.createObjectNode().put("name", toolName);
        params.set("arguments", arguments == null || arguments.isMissingNode() ? mapper.createObjectNode() : arguments);
        boolean asTask = !session.stateless()
                && "required".equals(tool.at("/execution/taskSupport").asText());
        if (asTask) {
            params.putObject("task");
        }
        Map<String, String> headers = session.stateless()
                ? StatelessUpstream.paramHeaders(tool.path("inputSchema"), params.get("arguments"))
                : Map.of();
        Cancel cancel = new Cancel(session);
        context.onCancel(() -> CompletableFuture.runAsync(cancel::run));
        for (int round = 0; ; round++) {
            JsonNode result = send(session, "tools/call", params, headers, context, cancel, "tools/call " + toolName);
            if (asTask) {
                return taskResult(session, result, context, cancel, toolName);
            }
            if (!session.stateless()
                    || !"input_required".equals(result.path("resultType").asText())) {
                return result;
            }
            if (round == MAX_INPUT_ROUNDS) {
                throw new UpstreamException("Upstream '" + name + "' asked for input more than " + MAX_INPUT_ROUNDS
                        + " times in one call of " + toolName);
            }
            params.set("inputResponses", requests.inputResponses(result.path("inputRequests"), context));
            params.set("requestState", result.get("requestState"));
        }
    }

    /**
     * The result of the task a call created: {@code tasks/result} waits for it, delivering the task's questions and
     * progress on its stream as they come.
     */
    private JsonNode taskResult(
            UpstreamSession session, JsonNode created, ToolContext context, Cancel cancel, String tool) {
        String taskId = created.path("task").path("taskId").textValue();
        if (taskId == null) {
            throw new UpstreamException(
                    "Upstream '" + name + "' answered the task call of " + tool + " without a task");
        }
        cancel.task.set(taskId);
        ObjectNode params = mapper.createObjectNode().put("taskId", taskId);
        return send(session, "tasks/result", params, Map.of(), context, cancel, "tasks/result of " + tool);
    }

    private JsonNode send(
            UpstreamSession session,
            String method,
            ObjectNode params,
            Map<String, String> headers,
            ToolContext context,
            Cancel cancel,
            String what) {
        ObjectNode message = messages.request(method, params, session);
        cancel.request.set(message.get("id").longValue());
        JsonNode meta = params.get("_meta");
        (meta instanceof ObjectNode object ? object : params.putObject("_meta"))
                .put("progressToken", cancel.request.get());
        CallListener listener = new CallListener(client, requests, session, context, cancel.stream);
        return UpstreamResults.result(
                name,
                client.send(message, session.id(), session.protocolVersion(), headers, listener)
                        .message(),
                what);
    }

    /** What a cancellation ends: the request in flight, its stream (2026-07-28), the task it created. */
    private final class Cancel implements Runnable {
        private final UpstreamSession session;
        private final AtomicLong request = new AtomicLong();
        private final AtomicReference<Closeable> stream = new AtomicReference<>();
        private final AtomicReference<String> task = new AtomicReference<>();

        Cancel(UpstreamSession session) {
            this.session = session;
        }

        /** Best effort: the call ends on our side anyway. */
        @Override
        public void run() {
            try {
                if (session.stateless()) {
                    Closeable open = stream.get();
                    if (open != null) {
                        open.close(); // 2026-07-28 cancels by closing the request's stream
                    }
                    return;
                }
                ObjectNode cancelled = messages.notification("notifications/cancelled");
                cancelled.putObject("params").put("requestId", request.get()).put("reason", "cancelled by the client");
                client.send(cancelled, session.id(), session.protocolVersion(), null);
                if (task.get() != null) {
                    ObjectNode params = mapper.createObjectNode().put("taskId", task.get());
                    client.send(
                            messages.request("tasks/cancel", params, session),
                            session.id(),
                            session.protocolVersion(),
                            null);
                }
            } catch (UpstreamException | IOException e) {
                // gone already, or unreachable
            }
        }
    }
}
