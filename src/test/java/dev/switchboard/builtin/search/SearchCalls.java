package dev.switchboard.builtin.search;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Calls {@code search} over MCP and reads what the stubbed provider received. */
final class SearchCalls {

    private SearchCalls() {}

    /** A {@code tools/call} of {@code search} in a new session; the arguments are a JSON object. */
    static ValidatableResponse search(String arguments) {
        return post(initialize(), call(1, "search", arguments)).statusCode(200);
    }

    /** The query parameters of a request, decoded; each must appear once. */
    static Map<String, String> params(LoggedRequest request) {
        Map<String, String> params = new TreeMap<>();
        for (Map.Entry<String, QueryParameter> entry : request.getQueryParams().entrySet()) {
            assertEquals(1, entry.getValue().values().size(), "query parameter " + entry.getKey() + " appears once");
            params.put(entry.getKey(), entry.getValue().firstValue());
        }
        return params;
    }

    /** A SearXNG answer with {@code count} results: https://example.org/1, /2... */
    static String searxngResults(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "{\"url\":\"https://example.org/" + i + "\",\"title\":\"Page " + i
                        + "\",\"content\":\"About " + i + "\"}")
                .collect(Collectors.joining(",", "{\"results\":[", "],\"unresponsive_engines\":[]}"));
    }
}
