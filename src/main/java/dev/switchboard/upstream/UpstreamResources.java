package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpResource;
import dev.switchboard.api.McpResourceTemplate;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceNotFoundException;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.resource.ResourceDescriptor;
import dev.switchboard.resource.ResourceRegistry;
import dev.switchboard.resource.ResourceTemplateDescriptor;
import dev.switchboard.resource.UriTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The resources and resource templates of one upstream, served beside ours under their own URIs: listed as the
 * upstream gave them, each read sent to the upstream in the reader's upstream session (one of its own for a
 * 2026-07-28 reader), its first contents item answered.
 */
final class UpstreamResources implements McpResource, McpResourceTemplate {

    private static final Logger LOG = Logger.getLogger(UpstreamResources.class);
    private static final int RESOURCE_NOT_FOUND = -32002;

    private final String name;
    private final UpstreamServer server;
    private final UpstreamSessions sessions;
    private final UpstreamHealth health;
    private final UpstreamCompletions completions;
    private final ObjectMapper mapper;
    private final Set<String> scopes;

    UpstreamResources(
            String name,
            UpstreamConfig.Upstream config,
            UpstreamServer server,
            UpstreamSessions sessions,
            UpstreamHealth health,
            UpstreamCompletions completions,
            ObjectMapper mapper) {
        this.name = name;
        this.server = server;
        this.sessions = sessions;
        this.health = health;
        this.completions = completions;
        this.mapper = mapper;
        this.scopes = new HashSet<>(config.scopes().orElse(List.of()));
    }

    /** The upstream's resources, listed in {@code session}. */
    List<ResourceRegistry.Fixed> resources(List<JsonNode> listed) {
        List<ResourceRegistry.Fixed> resources = new ArrayList<>();
        for (JsonNode resource : listed) {
            if (!resource.path("uri").isTextual() || !resource.path("name").isTextual()) {
                LOG.warnf("Upstream '%s' lists a resource without uri or name: left out", name);
                continue;
            }
            resources.add(new ResourceRegistry.Fixed(
                    new ResourceDescriptor(
                            resource.path("uri").asText(),
                            resource.path("name").asText(),
                            resource.path("title").textValue(),
                            resource.path("description").textValue(),
                            resource.path("mimeType").textValue(),
                            null),
                    this,
                    false,
                    scopes));
        }
        return resources;
    }

    /** The upstream's resource templates of level 1 (the ones this server can match), listed in {@code session}. */
    List<ResourceRegistry.Template> templates(List<JsonNode> listed) {
        List<ResourceRegistry.Template> templates = new ArrayList<>();
        for (JsonNode template : listed) {
            String uriTemplate = template.path("uriTemplate").asText();
            Optional<UriTemplate> matcher = matcher(uriTemplate);
            if (matcher.isEmpty() || !template.path("name").isTextual()) {
                LOG.warnf(
                        "Upstream '%s' lists the resource template '%s', which this server cannot match: left out",
                        name, uriTemplate);
                continue;
            }
            templates.add(new ResourceRegistry.Template(
                    new ResourceTemplateDescriptor(
                            uriTemplate,
                            template.path("name").asText(),
                            template.path("title").textValue(),
                            template.path("description").textValue(),
                            template.path("mimeType").textValue(),
                            null),
                    matcher.get(),
                    new McpResourceTemplate() { // reads come back here; completions name their template upstream
                        @Override
                        public ResourceContents read(Map<String, String> variables, ResourceContext context) {
                            return UpstreamResources.this.read(variables, context);
                        }

                        @Override
                        public List<String> complete(String variable, String prefix) {
                            return completions.ofTemplate(uriTemplate, variable, prefix);
                        }
                    },
                    scopes));
        }
        return templates;
    }

    @Override
    public ResourceContents read(ResourceContext context) {
        return read(Map.of(), context);
    }

    @Override
    public ResourceContents read(Map<String, String> variables, ResourceContext context) {
        try {
            JsonNode result = health.call(() -> fetch(context), JsonNode.class);
            JsonNode first = result.path("contents").path(0);
            if (!first.isObject()) {
                throw new ResourceNotFoundException(context.uri());
            }
            return mapper.treeToValue(first, ResourceContents.class);
        } catch (UpstreamRefusal e) {
            if (e.code() == RESOURCE_NOT_FOUND) {
                throw new ResourceNotFoundException(context.uri());
            }
            throw new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, e.getMessage());
        } catch (UpstreamException e) {
            throw new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new JsonRpcException(
                    JsonRpcErrorCodes.INTERNAL_ERROR, "Upstream '" + name + "' answered unreadable resource contents");
        }
    }

    private JsonNode fetch(ResourceContext context) {
        boolean ownSession = context.sessionId() == null;
        UpstreamSession session = null;
        try {
            session = ownSession ? server.open() : sessions.of(context);
            try {
                return server.read(session, context.uri());
            } catch (SessionLostException e) {
                session = ownSession ? server.open() : sessions.renew(context, session);
                return server.read(session, context.uri());
            }
        } finally {
            if (ownSession && session != null) {
                server.close(session);
            }
        }
    }

    private static Optional<UriTemplate> matcher(String uriTemplate) {
        try {
            return Optional.of(new UriTemplate(uriTemplate));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
