package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.prompt.PromptRegistry;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.resource.ResourceRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * {@code completion/complete}: value suggestions for prompt arguments and resource-template variables, from the
 * prompt's or template's own {@code complete} method.
 */
@Singleton
public class CompletionHandler {

    /** MCP allows at most 100 values per answer. */
    private static final int MAX_VALUES = 100;

    private final PromptRegistry prompts;
    private final ResourceRegistry resources;

    public CompletionHandler(PromptRegistry prompts, ResourceRegistry resources) {
        this.prompts = prompts;
        this.resources = resources;
    }

    @RegisterForReflection
    public record CompleteResult(Completion completion) {}

    @RegisterForReflection
    public record Completion(List<String> values, int total, boolean hasMore) {}

    public CompleteResult complete(McpRequest request) {
        JsonNode ref = request.message().param("ref");
        JsonNode argument = request.message().param("argument");
        String name = argument.path("name").textValue();
        String value = argument.path("value").asText("");
        if (name == null) {
            throw JsonRpcException.invalidParams("completion/complete needs params.argument.name");
        }
        List<String> all = switch (ref.path("type").asText()) {
            case "ref/prompt" ->
                prompts.find(ref.path("name").asText())
                        .orElseThrow(() -> JsonRpcException.invalidParams(
                                "Unknown prompt: '" + ref.path("name").asText() + "'"))
                        .bean()
                        .complete(name, value);
            case "ref/resource" ->
                resources
                        .template(ref.path("uri").asText())
                        .orElseThrow(() -> JsonRpcException.invalidParams(
                                "Unknown resource template: '" + ref.path("uri").asText() + "'"))
                        .bean()
                        .complete(name, value);
            default ->
                throw JsonRpcException.invalidParams("params.ref.type must be \"ref/prompt\" or \"ref/resource\"");
        };
        List<String> values = all.size() > MAX_VALUES ? all.subList(0, MAX_VALUES) : all;
        return new CompleteResult(new Completion(List.copyOf(values), all.size(), all.size() > MAX_VALUES));
    }
}
