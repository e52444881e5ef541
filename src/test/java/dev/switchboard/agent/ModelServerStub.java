package dev.switchboard.agent;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * An OpenAI-compatible model server played by WireMock on a free port; each test scripts the conversation. The agent
 * is pointed at it, with a test key, and at this service's own /mcp.
 */
public class ModelServerStub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "switchboard.agent.base-url", server.baseUrl() + "/v1",
                "switchboard.agent.api-key", "test-key",
                "switchboard.agent.model", "test-model",
                "switchboard.agent.model-timeout", "2s",
                "switchboard.agent.max-steps", "3",
                "switchboard.agent.mcp-url", "http://localhost:${quarkus.http.test-port}/mcp");
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
