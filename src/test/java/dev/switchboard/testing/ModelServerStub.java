package dev.switchboard.testing;

import java.util.Map;

/**
 * An OpenAI-compatible model server played by WireMock; each test scripts the conversation. The agent is pointed at
 * it, with a test key, and at this service's own /mcp.
 */
public class ModelServerStub extends WireMockStub {

    @Override
    protected Map<String, String> config(String baseUrl) {
        // The agent must know this service's own port before it starts, so the stub picks it: tests otherwise listen
        // on a random port (quarkus.http.test-port=0), which the agent's settings cannot name.
        String port = Integer.toString(ServiceProcess.freePort());
        return Map.of(
                "quarkus.http.test-port", port,
                "switchboard.agent.base-url", baseUrl + "/v1",
                "switchboard.agent.api-key", "test-key",
                "switchboard.agent.model", "test-model",
                "switchboard.agent.model-timeout", "2s",
                "switchboard.agent.max-steps", "3",
                // This service on its test port: still its own /mcp, so the caller's token may go there.
                "switchboard.agent.mcp-url", "http://localhost:" + port + "/mcp",
                "switchboard.agent.forward-authorization", "true");
    }
}
