package dev.switchboard.builtin.search;

import dev.switchboard.testing.WireMockStub;
import java.util.Map;

/** Plays a search provider's HTTP API, and points the setting named by the {@code url-property} argument at it. */
public class SearchApiStub extends WireMockStub {

    static final String URL_PROPERTY = "url-property";

    private String urlProperty;

    @Override
    public void init(Map<String, String> args) {
        urlProperty = args.get(URL_PROPERTY);
        if (urlProperty == null) {
            throw new IllegalArgumentException(SearchApiStub.class.getSimpleName() + " needs the " + URL_PROPERTY
                    + " argument: the setting to point at the stub");
        }
    }

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of(urlProperty, baseUrl);
    }
}
