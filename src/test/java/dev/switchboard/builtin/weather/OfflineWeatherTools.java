package dev.switchboard.builtin.weather;

import java.time.Clock;

/** {@code weather.get} on the offline provider, built without CDI (for the dispatch micro-benchmark). */
public final class OfflineWeatherTools {

    private OfflineWeatherTools() {}

    public static WeatherTool weatherTool(Clock clock) {
        return new WeatherTool(new OfflineWeatherProvider(clock));
    }
}
