package dev.switchboard.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.vertx.http.HttpServer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * An agent: an LLM behind an OpenAI-compatible Chat Completions API, given the tools of an MCP server as functions.
 * Each model turn either answers or asks for tool calls; the calls go through MCP {@code tools/call} in one MCP
 * session and their results go back to the model, until it answers or the step limit is reached. Blocking: run it
 * on a worker thread.
 */
@ApplicationScoped
public class AgentLoop {

    private static final Logger LOG = Logger.getLogger(AgentLoop.class);

    private final AgentConfig config;
    private final ObjectMapper mapper;
    private final ChatCompletionsApi chat;
    private final McpHttpApi mcp;
    private final boolean forwardAuthorization;
    private final Vertx vertx;

    public AgentLoop(AgentConfig config, ObjectMapper mapper, HttpServer server, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        this.mapper = mapper;
        this.chat = QuarkusRestClientBuilder.newBuilder()
                .baseUri(this.config.baseUrl())
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(this.config.modelTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(ChatCompletionsApi.class);
        this.forwardAuthorization =
                this.config.forwardAuthorization().orElse(this.config.mcpUrl().isEmpty());
        // The port the server bound, which differs from quarkus.http.port in tests (a free port) and behind port 0.
        URI mcpUrl = this.config.mcpUrl().orElseGet(() -> URI.create("http://localhost:" + server.getPort() + "/mcp"));
        this.mcp = QuarkusRestClientBuilder.newBuilder()
                .baseUri(mcpUrl)
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(this.config.mcpTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // MCP answers refusals with statuses and JSON-RPC bodies: McpSession reads them itself.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(McpHttpApi.class);
    }

    /**
     * Runs the agent on a prompt.
     *
     * @param sessionId an MCP session to continue, or null for a new one
     * @param authorization the caller's {@code Authorization} header, or null. It goes only to this server's own
     *     {@code /mcp} ({@code switchboard.agent.forward-authorization}), the resource it was issued for, where the
     *     agent acts as the caller; never to the model API
     * @throws AgentException when the model or the MCP server cannot be used
     */
    public AgentRun run(String prompt, String sessionId, String authorization) {
        McpSession session = McpSession.open(
                mcp, forwardAuthorization ? authorization : null, mapper, vertx, config.mcpTimeout(), sessionId);
        ToolFunctions functions = new ToolFunctions(session.listTools(), mapper);
        ArrayNode messages = mapper.createArrayNode();
        messages.addObject().put("role", "system").put("content", config.systemPrompt());
        messages.addObject().put("role", "user").put("content", prompt);
        List<AgentRun.Step> steps = new ArrayList<>();
        for (int turn = 1; turn <= config.maxSteps(); turn++) {
            JsonNode message =
                    complete(messages, functions).path("choices").path(0).path("message");
            if (message.isMissingNode()) {
                throw new AgentException(502, "The model's answer has no choices[0].message");
            }
            JsonNode calls = message.path("tool_calls");
            if (!calls.isArray() || calls.isEmpty()) {
                return new AgentRun(message.path("content").asText(""), "answer", session.id(), turn, steps);
            }
            ObjectNode assistant = messages.addObject().put("role", "assistant");
            assistant.set("content", message.path("content").isTextual() ? message.get("content") : null);
            assistant.set("tool_calls", calls);
            for (JsonNode call : calls) {
                AgentRun.Step step = callTool(session, functions, call, turn);
                steps.add(step);
                messages.addObject()
                        .put("role", "tool")
                        .put("tool_call_id", call.path("id").asText())
                        .put("content", step.result());
            }
        }
        return new AgentRun(null, "max_steps", session.id(), config.maxSteps(), steps);
    }

    private JsonNode complete(ArrayNode messages, ToolFunctions functions) {
        ObjectNode request = mapper.createObjectNode().put("model", config.model());
        request.set("messages", messages);
        if (!functions.definitions().isEmpty()) {
            request.set("tools", functions.definitions());
            request.put("tool_choice", "auto");
        }
        try {
            return chat.complete(config.apiKey().map(key -> "Bearer " + key).orElse(null), request);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String hint = status == 401 || status == 403
                    ? ": check the API key (switchboard.agent.api-key, e.g. from OPENAI_API_KEY)"
                    : status == 404 ? ": check switchboard.agent.base-url and switchboard.agent.model" : "";
            throw new AgentException(502, "The model endpoint answered HTTP " + status + hint);
        } catch (ProcessingException e) {
            throw new AgentException(
                    504, "The model endpoint " + config.baseUrl() + " did not answer: " + rootMessage(e));
        }
    }

    private AgentRun.Step callTool(McpSession session, ToolFunctions functions, JsonNode call, int turn) {
        String function = call.path("function").path("name").asText();
        String tool = functions.tool(function);
        JsonNode arguments;
        try {
            String text = call.path("function").path("arguments").asText("{}");
            arguments = mapper.readTree(text.isBlank() ? "{}" : text);
        } catch (IOException e) {
            return new AgentRun.Step(
                    turn, function, null, "The arguments are not valid JSON; send a JSON object", true, 0);
        }
        if (tool == null) {
            return new AgentRun.Step(
                    turn, function, arguments, "No tool '" + function + "'; use one of the functions given", true, 0);
        }
        long started = System.nanoTime();
        JsonNode result = session.callTool(tool, arguments);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        boolean isError = result.path("isError").asBoolean(false);
        LOG.infof("Agent turn %d called %s in %d ms%s", turn, tool, millis, isError ? " (tool error)" : "");
        return new AgentRun.Step(turn, tool, arguments, text(result), isError, millis);
    }

    /** What the model reads of a tool result: its structured content as JSON, else its text content. */
    private static String text(JsonNode result) {
        if (result.hasNonNull("structuredContent")) {
            return result.get("structuredContent").toString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode content : result.path("content")) {
            if (content.path("type").asText().equals("text")) {
                text.append(text.length() == 0 ? "" : "\n")
                        .append(content.path("text").asText());
            }
        }
        return text.toString();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
