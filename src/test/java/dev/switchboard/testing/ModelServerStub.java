package dev.switchboard.testing;

import java.util.Map;

/**
 * An OpenAI-compatible model server played by WireMock; each test scripts the conversation. The agent is pointed at
 * it, with a test key; it reaches this service's own /mcp on whatever port the test application bound.
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
