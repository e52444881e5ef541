package dev.switchboard.testing;

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
 * An external HTTP API played by WireMock on a free loopback port. Subclasses say which settings point at it; tests
 * get the server in a {@link WireMockServer} field, to stub answers and check the exact requests the service sent.
 */
public abstract class WireMockStub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    /** The configuration that points the service at the stub, e.g. a base URL setting. */
    protected abstract Map<String, String> config(String baseUrl);

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        warmUp();
        return config(server.baseUrl());
    }

    /**
     * WireMock answers its first request slowly (it initialises its matching on demand), which would look like a
     * provider timeout to the service's short test timeouts; one request here pays that cost before the tests.
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

    /** The running server, for subclasses that stub fixed answers in {@link #config}. */
    protected WireMockServer server() {
        return server;
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
