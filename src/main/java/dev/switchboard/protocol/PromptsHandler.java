package dev.switchboard.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ClientAnswers;
import dev.switchboard.api.ClientRequestException;
import dev.switchboard.api.InputRequest;
import dev.switchboard.api.MissingClientCapabilityException;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptResult;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.prompt.PromptDescriptor;
import dev.switchboard.prompt.PromptRegistry;
import dev.switchboard.protocol.core.CallControl;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.Pagination;
import dev.switchboard.protocol.core.WorkerHop;
import dev.switchboard.protocol.input.ClientRequests;
import dev.switchboard.protocol.input.InputSource;
import dev.switchboard.protocol.input.RetriedInputs;
import dev.switchboard.protocol.input.SessionInputs;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code prompts/list} and {@code prompts/get}. */
@Singleton
public class PromptsHandler {

    private final PromptRegistry registry;
    private final ClientRequests clientRequests;
    private final ObjectMapper mapper;
    private final int pageSize;
    private final AccessGuard access;

    public PromptsHandler(
            PromptRegistry registry,
            ClientRequests clientRequests,
            ObjectMapper mapper,
            AccessGuard access,
            SwitchboardConfig config) {
        this.access = access;
        this.registry = registry;
        this.clientRequests = clientRequests;
        this.mapper = mapper;
        this.pageSize = config.tools().pageSize();
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListPromptsResult(List<PromptDescriptor> prompts, String nextCursor) {}

    public ListPromptsResult list(McpRequest request) {
        Pagination.Page<PromptDescriptor> page = Pagination.page(
                registry.descriptors(request.caller().principal()), Pagination.cursor(request.message()), pageSize);
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
        access.require(request, prompt.scopes(), "prompt '" + name + "'");
        Caller caller = request.caller();
        InputSource inputs = caller.stateless()
                ? new RetriedInputs(request.retry())
                : new SessionInputs(clientRequests, request.channel(), new CallControl(), mapper);
        PromptContext context = new PromptContext() {
            @Override
            public String sessionId() {
                return caller.sessionId();
            }

            @Override
            public ClientAnswers ask(InputRequest... requests) {
                return inputs.ask(caller, List.of(requests));
            }
        };
        return WorkerHop.run(() -> {
            try {
                return prompt.get(request.message().param("arguments"), context);
            } catch (IllegalArgumentException e) {
                throw JsonRpcException.invalidParams(e.getMessage());
            } catch (ClientRequestException e) {
                if (caller.stateless() && e instanceof MissingClientCapabilityException) {
                    throw e; // answered as -32021
                }
                // A prompt has no error result: the client reads why it could not be built.
                throw new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, e.getMessage());
            }
        });
    }
}
