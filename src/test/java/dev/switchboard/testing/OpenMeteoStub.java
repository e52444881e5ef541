package dev.switchboard.testing;

import java.util.Map;

/** Plays Open-Meteo's geocoding and forecast APIs; both base URLs point at one WireMock server. */
public class OpenMeteoStub extends WireMockStub {

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of("switchboard.weather.geocoding-url", baseUrl, "switchboard.weather.forecast-url", baseUrl);
    }
}
