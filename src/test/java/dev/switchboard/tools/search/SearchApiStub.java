package dev.switchboard.tools.search;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Plays a search provider's HTTP API with WireMock on a free loopback port, and points the setting named by the
 * {@code url-property} argument at it. Tests get the server in a {@link WireMockServer} field to stub answers and to
 * check the exact requests the service sent.
 */
public class SearchApiStub implements QuarkusTestResourceLifecycleManager {

    static final String URL_PROPERTY = "url-property";

    private WireMockServer server;
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
    public Map<String, String> start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of(urlProperty, server.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
