package dev.switchboard.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderParamTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode schema(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }

    @Test
    void findsHeadersThroughNestedProperties() throws Exception {
        List<HeaderParam> params = HeaderParam.of("t", schema("""
                {"type":"object","properties":{
                  "region":{"type":"string","x-mcp-header":"Region"},
                  "target":{"type":"object","properties":{"id":{"type":"integer","x-mcp-header":"Target-Id"}}}}}"""));
        assertEquals(
                List.of(
                        new HeaderParam("Region", List.of("region"), "string"),
                        new HeaderParam("Target-Id", List.of("target", "id"), "integer")),
                params);
        assertEquals(
                7,
                params.get(1)
                        .valueIn(MAPPER.readTree("{\"target\":{\"id\":7}}"))
                        .asInt());
        assertNull(params.get(0).valueIn(MAPPER.readTree("{\"region\":null}")));
    }

    @Test
    void refusesDeclarationsMcpForbids() {
        for (String bad : List.of(
                "{\"properties\":{\"a\":{\"type\":\"number\",\"x-mcp-header\":\"A\"}}}",
                "{\"properties\":{\"a\":{\"type\":\"string\",\"x-mcp-header\":\"Bad Name\"}}}",
                "{\"properties\":{\"a\":{\"type\":\"string\",\"x-mcp-header\":\"A\"},"
                        + "\"b\":{\"type\":\"string\",\"x-mcp-header\":\"a\"}}}",
                "{\"properties\":{\"a\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"x-mcp-header\":\"A\"}}}}",
                "{\"$defs\":{\"x\":{\"type\":\"string\",\"x-mcp-header\":\"A\"}},\"properties\":{}}")) {
            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> HeaderParam.of("broken", schema(bad)), bad);
            assertTrue(refused.getMessage().startsWith("Tool 'broken'"), refused.getMessage());
        }
    }
}
