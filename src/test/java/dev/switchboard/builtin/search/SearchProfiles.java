package dev.switchboard.builtin.search;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test profiles for the {@code search} tool: one per provider, each with a WireMock stub of its API, and one without
 * a provider. Sessions stay in memory (no Redis needed) and provider requests time out after 1.5 s, well above a cold first request.
 */
final class SearchProfiles {

    static final String BRAVE_KEY = "test-brave-key-7c41e9";

    private SearchProfiles() {}

    private static Map<String, String> common(Class<?> profile) {
        Map<String, String> settings = new HashMap<>(SearchLog.settings(profile));
        settings.put("switchboard.sessions.store", "memory");
        settings.put("quarkus.redis.hosts", "redis://127.0.0.1:1");
        settings.put("switchboard.search.timeout", "1500ms");
        return settings;
    }

    /** SearXNG, played by WireMock. */
    public static class Searxng implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> settings = common(Searxng.class);
            settings.put("switchboard.search.provider", "searxng");
            return settings;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    SearchApiStub.class, Map.of(SearchApiStub.URL_PROPERTY, "switchboard.search.searxng.url")));
        }
    }

    /** The Brave Search API, played by WireMock, with a test key. */
    public static class Brave implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> settings = common(Brave.class);
            settings.put("switchboard.search.provider", "brave");
            settings.put("switchboard.search.brave.api-key", BRAVE_KEY);
            return settings;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    SearchApiStub.class, Map.of(SearchApiStub.URL_PROPERTY, "switchboard.search.brave.url")));
        }
    }

    /** No provider at all. */
    public static class Unconfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return common(Unconfigured.class);
        }
    }
}
