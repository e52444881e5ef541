package dev.switchboard.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "json_schema_2020_12_tool", description = "Tool with JSON Schema 2020-12 features", inputSchema = """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "$defs":{"address":{"$anchor":"addressDef","type":"object",
                   "properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
                 "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},
                   "contactMethod":{"type":"string","enum":["phone","email"]},
                   "phone":{"type":"string"},"email":{"type":"string"}},
                 "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
                 "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},
                 "then":{"required":["phone"]},"else":{"required":["email"]},
                 "additionalProperties":false}""")
public class JsonSchema202012Tool implements McpTool<JsonNode, String> {

    @Override
    public String call(JsonNode arguments, ToolContext context) {
        return "Received: " + arguments;
    }
}
