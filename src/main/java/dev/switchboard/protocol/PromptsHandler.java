package dev.switchboard.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.prompt.PromptDescriptor;
import dev.switchboard.prompt.PromptRegistry;
import dev.switchboard.prompt.PromptResult;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code prompts/list} and {@code prompts/get}. */
@ApplicationScoped
public class PromptsHandler {

    private final PromptRegistry registry;
    private final int pageSize;

    public PromptsHandler(PromptRegistry registry, SwitchboardConfig config) {
        this.registry = registry;
        this.pageSize = config.tools().pageSize();
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListPromptsResult(List<PromptDescriptor> prompts, String nextCursor) {}

    public ListPromptsResult list(McpRequest request) {
        Pagination.Page<PromptDescriptor> page =
                Pagination.page(registry.descriptors(), Pagination.cursor(request.message()), pageSize);
        return new ListPromptsResult(page.items(), page.nextCursor());
    }

    public Uni<PromptResult> get(McpRequest request) {
        String name = request.message().param("name").textValue();
        if (name == null) {
            throw JsonRpcException.invalidParams("prompts/get needs params.name, a prompt from prompts/list");
        }
        PromptRegistry.RegisteredPrompt prompt = registry.find(name)
                .orElseThrow(() -> JsonRpcException.invalidParams(
                        "Unknown prompt: '" + name + "'. Call prompts/list for the available prompts"));
        String sessionId = request.session().id();
        return Uni.createFrom()
                .item(() -> {
                    try {
                        return prompt.get(request.message().param("arguments"), () -> sessionId);
                    } catch (IllegalArgumentException e) {
                        throw JsonRpcException.invalidParams(e.getMessage());
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
