package dev.switchboard.builtin.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ToolException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Searches through a SearXNG instance, e.g. one deployed next to the service: {@code GET /search?format=json}. Its
 * first page is enough for the largest {@code limit}.
 */
final class SearxngSearch implements SearchProvider {

    static final String TITLE = "SearXNG";

    private final SearxngApi api;
    private final ProviderHttp http;

    SearxngSearch(SearchConfig config, ObjectMapper mapper) {
        URI url = config.searxng().url().orElseThrow();
        long timeoutMillis = config.timeout().toMillis();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .followRedirects(true) // an instance behind a proxy may redirect http to https
                .build(SearxngApi.class);
        this.http = new ProviderHttp(TITLE, config, SearxngSearch::refusal, mapper);
    }

    @Override
    public String name() {
        return "searxng";
    }

    @Override
    public List<SearchHit> search(String query, int limit, boolean safeSearch) {
        SearxngApi.Answer answer =
                http.get(() -> api.search(query, "json", safeSearch ? 1 : 0, 1), SearxngApi.Answer.class);
        if (answer.results() == null) {
            throw http.malformed();
        }
        List<SearchHit> hits = new ArrayList<>(limit);
        for (SearxngApi.Result result : answer.results()) {
            if (hits.size() == limit) {
                break;
            }
            if (result != null && SearchHit.usable(result.url())) {
                hits.add(SearchHit.fromHtml(result.title(), result.url(), result.content()));
            }
        }
        List<String> silent = engineNames(answer.unresponsiveEngines());
        if (hits.isEmpty() && !silent.isEmpty()) {
            // No results because every engine failed is not "nothing matched": say so, so the model retries later.
            throw new ToolException("Search provider unavailable: SearXNG's engines did not answer ("
                    + String.join(", ", silent) + "); try again later");
        }
        return hits;
    }

    private static List<String> engineNames(JsonNode engines) {
        List<String> names = new ArrayList<>();
        if (engines != null && engines.isArray()) {
            for (JsonNode engine : engines) {
                JsonNode name = engine.isArray() ? engine.path(0) : engine;
                if (name.isTextual()) {
                    names.add(name.asText());
                }
            }
        }
        return names;
    }

    private static String refusal(int status, String body) {
        switch (status) {
            case 403:
                return "SearXNG refused the JSON API (HTTP 403): its settings.yml must list json under"
                        + " search.formats";
            case 429:
                return "SearXNG rate-limited this server (HTTP 429): retry later, or exempt this server from the"
                        + " SearXNG limiter";
            default:
                return "SearXNG refused the search (HTTP " + status + ")";
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
