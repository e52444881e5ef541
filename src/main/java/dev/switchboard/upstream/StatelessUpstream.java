package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.core.MetaKeys;
import dev.switchboard.protocol.core.ServerCapabilities;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What speaking MCP 2026-07-28 to an upstream takes beyond JSON-RPC: the envelope in every request's {@code _meta},
 * and the headers mirrored from the body ({@code Mcp-Method}, {@code Mcp-Name}, {@code Mcp-Param-*}), non-ASCII
 * values in their Base64 sentinel form.
 */
final class StatelessUpstream {

    static final String VERSION = "2026-07-28";

    private static final String SENTINEL_START = "=?base64?";
    private static final String SENTINEL_END = "?=";

    private StatelessUpstream() {}

    /**
     * The client capabilities declared to upstreams, in either era: what our callers are asked when an upstream asks
     * (UpstreamRequests), and MCP Apps views, which we pass on to the callers that render them (UpstreamTools). An
     * upstream built on the Apps SDK links its tools to views only for a client that declares the extension.
     */
    static ObjectNode capabilities(ObjectMapper mapper) {
        ObjectNode capabilities = mapper.createObjectNode();
        ObjectNode elicitation = capabilities.putObject("elicitation");
        elicitation.putObject("form");
        elicitation.putObject("url");
        capabilities.putObject("sampling");
        capabilities.putObject("roots");
        capabilities
                .putObject("extensions")
                .putObject(ServerCapabilities.APPS_EXTENSION)
                .putArray("mimeTypes")
                .add(ServerCapabilities.APPS_MIME_TYPE);
        return capabilities;
    }

    static ObjectNode clientInfo(ObjectMapper mapper) {
        return mapper.createObjectNode().put("name", "switchboard").put("version", "1.0");
    }

    /**
     * Puts in {@code params._meta} what every 2026-07-28 request carries, and asks for every log message (our caller's
     * own level filters them, as for our tools).
     */
    static void envelope(ObjectNode params, ObjectMapper mapper) {
        JsonNode existing = params.get("_meta");
        ObjectNode meta = existing instanceof ObjectNode object ? object : params.putObject("_meta");
        meta.put(MetaKeys.PROTOCOL_VERSION, VERSION);
        meta.set(MetaKeys.CLIENT_CAPABILITIES, capabilities(mapper));
        meta.set(MetaKeys.CLIENT_INFO, clientInfo(mapper));
        meta.put(MetaKeys.LOG_LEVEL, "debug");
    }

    /** {@code Mcp-Method}, and {@code Mcp-Name} for the methods that name what they act on. */
    static Map<String, String> mirroredHeaders(JsonNode message) {
        Map<String, String> headers = new LinkedHashMap<>();
        String method = message.path("method").asText();
        headers.put("Mcp-Method", encode(method));
        JsonNode params = message.path("params");
        String name = switch (method) {
            case "tools/call", "prompts/get" -> params.path("name").textValue();
            case "resources/read" -> params.path("uri").textValue();
            default -> null;
        };
        if (name != null) {
            headers.put("Mcp-Name", encode(name));
        }
        return headers;
    }

    /** {@code Mcp-Param-*}: the arguments a tool's schema marks {@code x-mcp-header}, when the call has them. */
    static Map<String, String> paramHeaders(JsonNode inputSchema, JsonNode arguments) {
        Map<String, String> headers = new LinkedHashMap<>();
        inputSchema.path("properties").fields().forEachRemaining(property -> {
            String header = property.getValue().path("x-mcp-header").textValue();
            JsonNode value = arguments == null ? null : arguments.get(property.getKey());
            if (header != null && value != null && value.isValueNode() && !value.isNull()) {
                headers.put("Mcp-Param-" + header, encode(value.asText()));
            }
        });
        return headers;
    }

    /** Visible ASCII as it is; anything else in the Base64 sentinel form. */
    static String encode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return SENTINEL_START
                        + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                        + SENTINEL_END;
            }
        }
        return value.strip().equals(value)
                ? value
                : SENTINEL_START
                        + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                        + SENTINEL_END; // a header loses surrounding spaces
    }
}
