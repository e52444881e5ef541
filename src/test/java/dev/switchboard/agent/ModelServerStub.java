package dev.switchboard.agent;

import dev.switchboard.testing.WireMockStub;
import java.util.Map;

/**
 * An OpenAI-compatible model server played by WireMock; each test scripts the conversation. The agent is pointed at
 * it, with a test key, and at this service's own /mcp.
 */
public class ModelServerStub extends WireMockStub {

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of(
                "switchboard.agent.base-url", baseUrl + "/v1",
                "switchboard.agent.api-key", "test-key",
                "switchboard.agent.model", "test-model",
                "switchboard.agent.model-timeout", "2s",
                "switchboard.agent.max-steps", "3",
                "switchboard.agent.forward-authorization", "true");
    }
}
