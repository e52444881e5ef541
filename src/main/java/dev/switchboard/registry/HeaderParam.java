package dev.switchboard.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tool argument mirrored into an {@code Mcp-Param-<header>} HTTP header ({@code x-mcp-header} in its schema).
 *
 * @param header the name after {@code Mcp-Param-}, as declared
 * @param path the chain of {@code properties} keys from the schema root to the argument
 * @param type {@code string}, {@code integer} or {@code boolean}
 */
public record HeaderParam(String header, List<String> path, String type) {

    private static final String KEYWORD = "x-mcp-header";
    /** RFC 9110 token: 1*tchar. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private static final Set<String> TYPES = Set.of("string", "integer", "boolean");

    /** The argument's value in {@code arguments}, or null when absent or JSON null. */
    public JsonNode valueIn(JsonNode arguments) {
        JsonNode node = arguments;
        for (String key : path) {
            node = node == null ? null : node.get(key);
        }
        return node == null || node.isNull() ? null : node;
    }

    /**
     * The header parameters a tool's input schema declares.
     *
     * @throws IllegalStateException naming the tool when a declaration breaks MCP's rules (not a token, a number or
     *     object type, duplicated, or not reachable through {@code properties} alone)
     */
    public static List<HeaderParam> of(String tool, ObjectNode inputSchema) {
        List<HeaderParam> found = new ArrayList<>();
        collect(tool, inputSchema, new ArrayList<>(), found);
        if (found.size() != count(inputSchema)) {
            throw new IllegalStateException("Tool '" + tool + "': x-mcp-header is allowed only on properties reached"
                    + " through \"properties\" from the schema root (not in items, $defs, $ref or combinators)");
        }
        Set<String> names = new HashSet<>();
        for (HeaderParam param : found) {
            if (!names.add(param.header().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(
                        "Tool '" + tool + "': x-mcp-header '" + param.header() + "' is declared twice");
            }
        }
        return List.copyOf(found);
    }

    private static void collect(String tool, JsonNode schema, List<String> path, List<HeaderParam> found) {
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            List<String> here = new ArrayList<>(path);
            here.add(property.getKey());
            JsonNode header = property.getValue().get(KEYWORD);
            if (header != null) {
                String type = property.getValue().path("type").asText();
                if (!header.isTextual() || !TOKEN.matcher(header.asText()).matches()) {
                    throw new IllegalStateException("Tool '" + tool + "': x-mcp-header of '" + String.join(".", here)
                            + "' must be an HTTP token (letters, digits, -, _ ...)");
                }
                if (!TYPES.contains(type)) {
                    throw new IllegalStateException("Tool '" + tool + "': x-mcp-header '" + header.asText()
                            + "' is on a " + (type.isEmpty() ? "typeless" : type)
                            + " argument; only string, integer and boolean arguments can be mirrored");
                }
                found.add(new HeaderParam(header.asText(), List.copyOf(here), type));
            }
            collect(tool, property.getValue(), here, found);
        }
    }

    private static int count(JsonNode node) {
        int count = node.isObject() && node.has(KEYWORD) ? 1 : 0;
        for (JsonNode child : node) {
            count += count(child);
        }
        return count;
    }
}
