package dev.switchboard.tools.search;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        warmUp();
        return Map.of(urlProperty, server.baseUrl());
    }

    /**
     * WireMock answers its first request slowly (it initialises its matching on demand), which would look like a
     * provider timeout to the service's short test timeout; one request here pays that cost before the tests.
     */
    private void warmUp() {
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/warm-up"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException("WireMock does not answer on " + server.baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        server.resetRequests();
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
