package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.PromptArgument;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptMessage;
import dev.switchboard.api.PromptResult;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.prompt.MountedPrompt;
import dev.switchboard.prompt.PromptDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The prompts of one upstream, served under the upstream's prefix like its tools: listed with their arguments as the
 * upstream gave them, each {@code prompts/get} sent to the upstream in a session of its own (prompts keep no state).
 */
final class UpstreamPrompts {

    private static final int INVALID_PARAMS = -32602;

    private final String name;
    private final String prefix;
    private final UpstreamServer server;
    private final UpstreamHealth health;
    private final UpstreamCompletions completions;
    private final UpstreamResults results;
    private final Set<String> scopes;

    UpstreamPrompts(
            String name,
            UpstreamConfig.Upstream config,
            UpstreamServer server,
            UpstreamHealth health,
            UpstreamResults results,
            UpstreamCompletions completions) {
        this.name = name;
        this.health = health;
        this.completions = completions;
        this.prefix = config.prefix().orElse(name + ".");
        this.server = server;
        this.results = results;
        this.scopes = new HashSet<>(config.scopes().orElse(List.of()));
    }

    /** The upstream's prompts as it listed them, to serve. */
    List<MountedPrompt> list(List<JsonNode> listed) {
        List<MountedPrompt> prompts = new ArrayList<>();
        for (JsonNode prompt : listed) {
            String original = prompt.path("name").asText();
            List<PromptArgument> arguments = new ArrayList<>();
            for (JsonNode argument : prompt.path("arguments")) {
                arguments.add(new PromptArgument(
                        argument.path("name").asText(),
                        argument.path("description").textValue(),
                        argument.path("required").asBoolean(false)));
            }
            PromptDescriptor descriptor = new PromptDescriptor(
                    prefix + original,
                    prompt.path("title").textValue(),
                    prompt.path("description").asText(""),
                    arguments.isEmpty() ? null : List.copyOf(arguments),
                    null);
            prompts.add(new MountedPrompt(
                    descriptor,
                    scopes,
                    (json, context) -> get(original, json, context),
                    (argument, prefix) -> completions.ofPrompt(original, argument, prefix)));
        }
        return prompts;
    }

    private PromptResult get(String prompt, JsonNode arguments, PromptContext context) {
        try {
            JsonNode result = health.call(() -> fetch(prompt, arguments), JsonNode.class);
            List<PromptMessage> messages = new ArrayList<>();
            for (JsonNode message : result.path("messages")) {
                messages.add(new PromptMessage(
                        message.path("role").asText("user"), results.content(name, message.path("content"))));
            }
            return new PromptResult(result.path("description").textValue(), messages);
        } catch (UpstreamRefusal e) {
            if (e.code() == INVALID_PARAMS) {
                throw new IllegalArgumentException(e.getMessage()); // answered -32602, as for our own prompts
            }
            throw new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, e.getMessage());
        } catch (UpstreamException e) {
            throw new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, e.getMessage());
        }
    }

    private JsonNode fetch(String prompt, JsonNode arguments) {
        UpstreamSession session = server.open();
        try {
            return server.prompt(session, prompt, arguments);
        } finally {
            server.close(session);
        }
    }
}
