package dev.switchboard.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MCP tools as Chat Completions functions. Function names allow only letters, digits, {@code _} and {@code -} (64 at
 * most), so {@code weather.get} becomes {@code weather_get}; the map leads back to the MCP name.
 */
final class ToolFunctions {

    private final ArrayNode functions;
    private final Map<String, String> toolsByFunction = new HashMap<>();

    ToolFunctions(List<JsonNode> tools, ObjectMapper mapper) {
        functions = mapper.createArrayNode();
        for (JsonNode tool : tools) {
            String name = tool.path("name").asText();
            String function = functionName(name);
            for (int n = 2; toolsByFunction.containsKey(function); n++) {
                function = functionName(name) + "_" + n;
            }
            toolsByFunction.put(function, name);
            ObjectNode definition =
                    functions.addObject().put("type", "function").putObject("function");
            definition.put("name", function);
            definition.put("description", tool.path("description").asText(""));
            definition.set("parameters", tool.path("inputSchema"));
        }
    }

    ArrayNode definitions() {
        return functions;
    }

    /** The MCP tool behind a function name, or null for a name the model made up. */
    String tool(String function) {
        return toolsByFunction.get(function);
    }

    static String functionName(String tool) {
        String name = tool.replaceAll("[^A-Za-z0-9_-]", "_");
        return name.length() > 60 ? name.substring(0, 60) : name;
    }
}
