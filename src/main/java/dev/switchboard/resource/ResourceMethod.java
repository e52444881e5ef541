package dev.switchboard.resource;

import dev.switchboard.api.McpResource;
import dev.switchboard.api.McpResourceTemplate;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceNotFoundException;
import dev.switchboard.registry.MethodCall;
import java.util.Map;

/**
 * A {@code @Resource} or {@code @ResourceTemplate} method seen as the bean interface the handlers call: a
 * {@code String} it returns becomes text contents of the URI read, with the declared MIME type; null means there is
 * nothing at that URI.
 */
final class ResourceMethod implements McpResource, McpResourceTemplate {

    private final MethodCall call;
    private final String mimeType;

    ResourceMethod(MethodCall call, String mimeType) {
        this.call = call;
        this.mimeType = mimeType;
    }

    @Override
    public ResourceContents read(ResourceContext context) {
        return read(Map.of(), context);
    }

    @Override
    public ResourceContents read(Map<String, String> variables, ResourceContext context) {
        Object contents = call.call(context, variables);
        if (contents == null) {
            throw new ResourceNotFoundException(context.uri());
        }
        return contents instanceof String text
                ? ResourceContents.text(context.uri(), mimeType, text)
                : (ResourceContents) contents;
    }
}
