package dev.switchboard.tools.weather;

import io.smallrye.config.WithDefault;
import java.net.URI;

/** Settings of {@code weather.get}, under {@code switchboard.weather}. */
public interface WeatherConfig {

    /** Base URL of the Open-Meteo forecast API. */
    @WithDefault("https://api.open-meteo.com")
    URI forecastUrl();
}
