package dev.switchboard.builtin.search;

import static dev.switchboard.builtin.search.SearchCalls.search;
import static dev.switchboard.testing.Mcp.initialize;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without a provider (as in the shared test application), {@code search} stays listed and answers how to configure
 * one. That start-up says so once: {@code SearchProviderProducerTest}, and the packaged jar in {@code FirstRunIT}.
 */
@QuarkusTest
@SharedApp
class UnconfiguredSearchTest {

    @Test
    void theToolIsListedWithItsSchemasAndHints() {
        String prefix = "result.tools.find { it.name == 'search' }.";
        JsonPath page = pageListing("search");
        assertEquals("Web search", page.getString(prefix + "title"));
        assertEquals(true, page.getBoolean(prefix + "annotations.readOnlyHint"));
        assertEquals(true, page.getBoolean(prefix + "annotations.openWorldHint"));
        assertEquals(List.of("query"), page.getList(prefix + "inputSchema.required"));
        assertEquals(400, page.getInt(prefix + "inputSchema.properties.query.maxLength"));
        assertEquals(1, page.getInt(prefix + "inputSchema.properties.limit.minimum"));
        assertEquals(20, page.getInt(prefix + "inputSchema.properties.limit.maximum"));
        assertEquals("boolean", page.getString(prefix + "inputSchema.properties.safeSearch.type"));
        assertEquals("array", page.getString(prefix + "outputSchema.properties.results.type"));
        assertEquals("string", page.getString(prefix + "outputSchema.properties.results.items.properties.url.type"));
    }

    @Test
    void aCallSaysHowToConfigureAProvider() {
        search("{\"query\":\"jazz\"}")
                .body("result.isError", equalTo(true))
                .body(
                        "result.content[0].text",
                        equalTo("Web search is not configured: set switchboard.search.provider=searxng and"
                                + " switchboard.search.searxng.url=<base URL of the instance>, or provider=brave and"
                                + " SWITCHBOARD_SEARCH_BRAVE_API_KEY"));
    }

    /** The {@code tools/list} page that lists {@code tool} (pages hold 2 tools in tests). */
    private static JsonPath pageListing(String tool) {
        return Mcp.toolPages(initialize()).stream()
                .filter(page -> page.getList("result.tools.name").contains(tool))
                .findFirst()
                .orElseThrow(() -> new AssertionError("tools/list does not list " + tool));
    }
}
