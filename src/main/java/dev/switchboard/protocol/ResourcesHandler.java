package dev.switchboard.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.api.Principal;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceNotFoundException;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.protocol.core.EmptyResult;
import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.Pagination;
import dev.switchboard.protocol.core.WorkerHop;
import dev.switchboard.protocol.notify.ResourceSubscriptions;
import dev.switchboard.resource.ResourceDescriptor;
import dev.switchboard.resource.ResourceRegistry;
import dev.switchboard.resource.ResourceTemplateDescriptor;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code resources/list}, {@code resources/templates/list}, {@code resources/read} and subscriptions. */
@Singleton
public class ResourcesHandler {

    /** MCP's "resource not found" error code in the session era. */
    static final int RESOURCE_NOT_FOUND = -32002;

    private final ResourceRegistry registry;
    private final ResourceSubscriptions subscriptions;
    private final int pageSize;
    private final AccessGuard access;

    public ResourcesHandler(
            ResourceRegistry registry,
            ResourceSubscriptions subscriptions,
            AccessGuard access,
            SwitchboardConfig config) {
        this.access = access;
        this.registry = registry;
        this.subscriptions = subscriptions;
        this.pageSize = config.tools().pageSize();
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListResourcesResult(List<ResourceDescriptor> resources, String nextCursor) {}

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListTemplatesResult(List<ResourceTemplateDescriptor> resourceTemplates, String nextCursor) {}

    @RegisterForReflection
    public record ReadResourceResult(List<ResourceContents> contents) {}

    public ListResourcesResult list(McpRequest request) {
        Pagination.Page<ResourceDescriptor> page = Pagination.page(
                registry.resources(
                        !request.caller().stateless(), request.caller().principal()),
                Pagination.cursor(request.message()),
                pageSize);
        return new ListResourcesResult(page.items(), page.nextCursor());
    }

    public ListTemplatesResult templates(McpRequest request) {
        Pagination.Page<ResourceTemplateDescriptor> page = Pagination.page(
                registry.templates(request.caller().principal()), Pagination.cursor(request.message()), pageSize);
        return new ListTemplatesResult(page.items(), page.nextCursor());
    }

    public Uni<ReadResourceResult> read(McpRequest request) {
        String uri = uri(request);
        // 2026-07-28 answers a missing resource with -32602 (invalid params), earlier revisions with -32002.
        int notFoundCode = request.caller().stateless() ? JsonRpcErrorCodes.INVALID_PARAMS : RESOURCE_NOT_FOUND;
        ResourceRegistry.Resolved resolved =
                registry.resolve(uri, !request.caller().stateless()).orElseThrow(() -> notFound(uri, notFoundCode));
        access.require(request, resolved.scopes(), "resource '" + uri + "'");
        ResourceContext context = new ResourceContext() {
            @Override
            public String sessionId() {
                return request.caller().sessionId();
            }

            @Override
            public String uri() {
                return uri;
            }

            @Override
            public Principal principal() {
                return request.caller().principal();
            }
        };
        // Resource beans may block (a database, a file), so they run on a worker thread.
        return WorkerHop.run(() -> {
            try {
                ResourceContents contents = resolved.fixed() != null
                        ? resolved.fixed().read(context)
                        : resolved.template().bean().read(resolved.variables(), context);
                return new ReadResourceResult(List.of(contents));
            } catch (ResourceNotFoundException e) {
                throw notFound(e.uri(), notFoundCode);
            }
        });
    }

    public Uni<EmptyResult> subscribe(McpRequest request) {
        String uri = uri(request);
        ResourceRegistry.Resolved resolved =
                registry.resolve(uri, true).orElseThrow(() -> notFound(uri, RESOURCE_NOT_FOUND));
        access.require(request, resolved.scopes(), "resource '" + uri + "'");
        return subscriptions.subscribe(request.caller().sessionId(), uri).replaceWith(EmptyResult.INSTANCE);
    }

    public Uni<EmptyResult> unsubscribe(McpRequest request) {
        return subscriptions
                .unsubscribe(request.caller().sessionId(), uri(request))
                .replaceWith(EmptyResult.INSTANCE);
    }

    private static String uri(McpRequest request) {
        String uri = request.message().param("uri").textValue();
        if (uri == null || uri.isEmpty()) {
            throw JsonRpcException.invalidParams(request.message().method() + " needs params.uri, a resource URI");
        }
        return uri;
    }

    private static JsonRpcException notFound(String uri, int code) {
        return new JsonRpcException(
                code,
                "Resource not found: " + uri + ". Call resources/list or resources/templates/list for what exists",
                JsonNodeFactory.instance.objectNode().put("uri", uri));
    }
}
