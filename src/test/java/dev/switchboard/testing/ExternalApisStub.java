package dev.switchboard.testing;

import java.util.Map;

/**
 * Plays the external APIs with a fixed address, on one WireMock server: Open-Meteo's geocoding and forecast APIs
 * ({@code /v1/search}, {@code /v1/forecast}) and the Brave Search API ({@code /res/v1/web/search}). The agent uses
 * this service's own /mcp, on a port picked here: the agent's settings must name it before the service starts.
 */
public class ExternalApisStub extends WireMockStub {

    @Override
    protected Map<String, String> config(String baseUrl) {
        String port = Integer.toString(ServiceProcess.freePort());
        return Map.of(
                "switchboard.weather.geocoding-url", baseUrl,
                "switchboard.weather.forecast-url", baseUrl,
                "switchboard.search.brave.url", baseUrl,
                "quarkus.http.test-port", port,
                "switchboard.agent.mcp-url", "http://localhost:" + port + "/mcp");
    }
}
