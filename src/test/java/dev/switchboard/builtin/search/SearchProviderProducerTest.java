package dev.switchboard.builtin.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.CapturedLog;
import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The provider that {@code switchboard.search.*} names, as start-up creates it, and what start-up logs about it. The
 * providers build REST clients, so this runs in the application the other tests share.
 */
@QuarkusTest
@SharedApp
class SearchProviderProducerTest {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    ObjectMapper mapper;

    private final SearchProviderProducer producer = new SearchProviderProducer();

    private List<String> warnings(CapturedLog log) {
        return log.lines().stream()
                .filter(line -> line.startsWith("WARN") && line.contains(SearchProviderProducer.class.getName()))
                .toList();
    }

    @Test
    void eachProviderIsCreatedFromItsSettings() {
        try (CapturedLog log = CapturedLog.start()) {
            try (SearchProvider searxng = producer.searchProvider(
                    SearchSettings.searxng("http://user:secret@searxng:8080", Duration.ofSeconds(5)),
                    TOOL_TIMEOUT,
                    mapper)) {
                assertInstanceOf(SearxngSearch.class, searxng);
            }
            try (SearchProvider brave = producer.searchProvider(
                    SearchSettings.brave("https://api.search.brave.com", "k-7f3e", Duration.ofSeconds(5)),
                    TOOL_TIMEOUT,
                    mapper)) {
                assertInstanceOf(BraveSearch.class, brave);
            }
            assertEquals(List.of(), warnings(log));
            List<String> lines = log.lines();
            assertEquals(
                    1,
                    lines.stream()
                            .filter(line -> line.contains("Web search uses SearXNG at http://searxng:8080"))
                            .count(),
                    "the origin only, without the URL's credentials: " + lines);
            assertEquals(
                    1,
                    lines.stream()
                            .filter(line -> line.contains(
                                    "Web search uses the Brave Search API at https://api.search.brave.com"))
                            .count(),
                    lines.toString());
            assertEquals(
                    List.of(),
                    lines.stream()
                            .filter(line -> line.contains("secret") || line.contains("k-7f3e"))
                            .toList());
        }
    }

    @Test
    void withoutAProviderTheToolSaysHowToConfigureOneAndTheLogSaysSoOnce() {
        try (CapturedLog log = CapturedLog.start();
                SearchProvider none =
                        producer.searchProvider(SearchSettings.of(null, null, null), TOOL_TIMEOUT, mapper)) {
            assertInstanceOf(UnconfiguredSearch.class, none);
            List<String> warnings = warnings(log);
            assertEquals(1, warnings.size(), warnings.toString());
            assertEquals(true, warnings.get(0).contains("Web search is not configured"), warnings.get(0));
        }
    }

    @Test
    void aProviderSlowerThanTheToolTimeoutIsWarnedAbout() {
        SearchSettings slow = SearchSettings.searxng("http://searxng:8080", Duration.ofSeconds(5))
                .withLimits(Duration.ofSeconds(25), 2, 10);
        try (CapturedLog log = CapturedLog.start();
                SearchProvider provider = producer.searchProvider(slow, TOOL_TIMEOUT, mapper)) {
            List<String> warnings = warnings(log);
            assertEquals(1, warnings.size(), warnings.toString());
            assertEquals(
                    true,
                    warnings.get(0)
                            .contains("switchboard.search.timeout (PT25S) times 3 attempts reaches"
                                    + " switchboard.tools.timeout (PT1M)"),
                    warnings.get(0));
        }
    }
}
