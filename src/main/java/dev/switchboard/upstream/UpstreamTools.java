package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.Icon;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolResult;
import dev.switchboard.registry.MountedTool;
import dev.switchboard.registry.NameGlobs;
import dev.switchboard.registry.ToolAnnotations;
import dev.switchboard.registry.ToolDescriptor;
import dev.switchboard.registry.ViewLink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The tools of one upstream as this server serves them: the configured ones, their names prefixed, their schemas and
 * annotations as the upstream gave them, each call sent to the upstream in the caller's upstream session.
 */
final class UpstreamTools {

    private static final Logger LOG = Logger.getLogger(UpstreamTools.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

    private final String name;
    private final UpstreamConfig.Upstream config;
    private final UpstreamServer server;
    private final UpstreamSessions sessions;
    private final UpstreamHealth health;
    private final UpstreamResults results;
    private final ObjectMapper mapper;
    private final NameGlobs include;
    private final NameGlobs exclude;

    UpstreamTools(
            String name,
            UpstreamConfig.Upstream config,
            UpstreamServer server,
            UpstreamSessions sessions,
            UpstreamHealth health,
            ObjectMapper mapper) {
        this.name = name;
        this.config = config;
        this.server = server;
        this.sessions = sessions;
        this.health = health;
        this.results = new UpstreamResults(mapper);
        this.mapper = mapper;
        this.include = NameGlobs.of(config.include().orElse(List.of("*")));
        this.exclude = NameGlobs.of(config.exclude().orElse(List.of()));
    }

    /** The upstream's tools as it listed them, to serve. */
    List<MountedTool> list(List<JsonNode> listed) {
        List<MountedTool> tools = new ArrayList<>();
        for (JsonNode tool : listed) {
            String original = tool.path("name").asText();
            if (include.matches(original) && !exclude.matches(original)) {
                mounted(tool, original).ifPresent(tools::add);
            }
        }
        return tools;
    }

    private Optional<MountedTool> mounted(JsonNode tool, String original) {
        String served = config.prefix().orElse(name + ".") + original;
        if (!NAME.matcher(served).matches() || !tool.path("inputSchema").isObject()) {
            LOG.warnf("Upstream '%s' offers a tool this server cannot serve (name '%s'): left out", name, served);
            return Optional.empty();
        }
        JsonNode annotations = tool.path("annotations");
        ToolDescriptor descriptor = new ToolDescriptor(
                served,
                tool.path("title").textValue(),
                tool.path("description").asText(""),
                (ObjectNode) tool.get("inputSchema"),
                tool.path("outputSchema").isObject() ? (ObjectNode) tool.get("outputSchema") : null,
                icons(tool.get("icons")),
                annotations.isObject()
                        ? new ToolAnnotations(
                                annotations.path("title").textValue(),
                                annotations.path("readOnlyHint").asBoolean(false),
                                annotations.path("destructiveHint").asBoolean(true),
                                annotations.path("idempotentHint").asBoolean(false),
                                annotations.path("openWorldHint").asBoolean(true))
                        : null,
                // Any upstream tool may run as one of our tasks; one the upstream runs only as a task is called so.
                new ToolDescriptor.Execution("optional"));
        Set<String> scopes = new HashSet<>(config.scopes().orElse(List.of()));
        // A view passes on to the clients that render views; a tool for views alone stays hidden from the others.
        return Optional.of(new MountedTool(
                descriptor,
                scopes,
                config.timeout(),
                (arguments, context) -> call(tool, arguments, context),
                ViewLink.of(tool.path("_meta"))));
    }

    private ToolResult call(JsonNode tool, JsonNode arguments, ToolContext context) {
        try {
            return health.call(() -> results.of(name, send(tool, arguments, context)), ToolResult.class);
        } catch (UpstreamException e) {
            return ToolResult.error(e.getMessage());
        }
    }

    private JsonNode send(JsonNode tool, JsonNode arguments, ToolContext context) {
        boolean ownSession = context.sessionId() == null; // 2026-07-28: one upstream session per call
        UpstreamSession session = null;
        try {
            session = ownSession ? server.open() : sessions.of(context);
            try {
                return server.call(session, tool, arguments, context);
            } catch (SessionLostException e) {
                session = ownSession ? server.open() : sessions.renew(context, session);
                return server.call(session, tool, arguments, context);
            }
        } finally {
            if (ownSession && session != null) {
                server.close(session);
            }
        }
    }

    private List<Icon> icons(JsonNode icons) {
        if (icons == null || !icons.isArray()) {
            return null;
        }
        try {
            return Arrays.asList(mapper.treeToValue(icons, Icon[].class));
        } catch (Exception e) {
            return null; // icons are decoration: a malformed list is left out, not the tool
        }
    }
}
