package dev.switchboard.builtin.search;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Searches with the Brave Search API: {@code GET /res/v1/web/search}, the key in {@code X-Subscription-Token}. */
final class BraveSearch implements SearchProvider {

    static final String TITLE = "Brave Search";

    private final BraveApi api;
    private final String apiKey;
    private final ProviderHttp http;
    private final ObjectMapper mapper;

    BraveSearch(SearchConfig config, ObjectMapper mapper) {
        long timeoutMillis = config.timeout().toMillis();
        this.apiKey = config.brave().apiKey().orElseThrow().trim();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.brave().url())
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                // the key stays on Brave's host, and out of the REST client's request log when someone enables it
                .followRedirects(false)
                .loggingMaskedHeaders(Set.of(BraveApi.TOKEN_HEADER))
                .build(BraveApi.class);
        this.http = new ProviderHttp(TITLE, config, this::refusal, mapper);
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "brave";
    }

    @Override
    public List<SearchHit> search(String query, int limit, boolean safeSearch) {
        String level = safeSearch ? "moderate" : "off";
        BraveApi.Answer answer = http.get(() -> api.search(query, limit, level, apiKey), BraveApi.Answer.class);
        if (!"search".equals(answer.type())) {
            throw http.malformed();
        }
        List<SearchHit> hits = new ArrayList<>(limit);
        if (answer.web() == null || answer.web().results() == null) {
            return hits; // Brave leaves "web" out when nothing matched
        }
        for (BraveApi.Result result : answer.web().results()) {
            if (hits.size() == limit) {
                break;
            }
            if (result != null && SearchHit.usable(result.url())) {
                hits.add(SearchHit.fromHtml(result.title(), result.url(), result.description()));
            }
        }
        return hits;
    }

    private String refusal(int status, String body) {
        String code = errorCode(body);
        String answer = code.isEmpty() ? "HTTP " + status : "HTTP " + status + " " + code;
        // An unknown key is 422 SUBSCRIPTION_TOKEN_INVALID, not 401: the error code tells it from a bad parameter.
        if (status == 401 || status == 403 || code.startsWith("SUBSCRIPTION")) {
            return "Brave Search rejected the API key (" + answer + "): the operator must check"
                    + " SWITCHBOARD_SEARCH_BRAVE_API_KEY and the key's subscription";
        }
        if (status == 429 || code.startsWith("RATE_LIMIT") || code.contains("QUOTA")) {
            return "Brave Search rate limit or quota reached (" + answer + "): retry later";
        }
        if (status == 400 || status == 422) {
            return "Brave Search refused the query (" + answer + "): try a shorter, simpler query";
        }
        return "Brave Search refused the search (" + answer + ")";
    }

    /** {@code error.code} of Brave's error body, e.g. {@code SUBSCRIPTION_TOKEN_INVALID}; "" when absent. */
    private String errorCode(String body) {
        if (body.isBlank()) {
            return "";
        }
        try {
            return mapper.readTree(body).path("error").path("code").asText("");
        } catch (JacksonException | IllegalArgumentException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            api.close();
        } catch (IOException e) {
            // closing an HTTP client at shutdown: nothing left to do about it
        }
    }
}
