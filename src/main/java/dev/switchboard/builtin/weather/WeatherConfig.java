package dev.switchboard.builtin.weather;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** Settings of {@code weather.get}, under {@code switchboard.weather}. */
@ConfigMapping(prefix = "switchboard.weather")
public interface WeatherConfig {

    /**
     * Where the weather comes from: {@code open-meteo} (live data, no API key) or {@code offline} (a deterministic
     * stand-in that needs no network, for demos and tests).
     */
    @WithDefault("open-meteo")
    ProviderKind provider();

    /** Base URL of the Open-Meteo geocoding API (place names to coordinates). */
    @WithDefault("https://geocoding-api.open-meteo.com")
    URI geocodingUrl();

    /** Base URL of the Open-Meteo forecast API. */
    @WithDefault("https://api.open-meteo.com")
    URI forecastUrl();

    /**
     * How long one request to Open-Meteo may take to connect, and then to answer, before it counts as failed (and is
     * retried).
     */
    @WithDefault("5s")
    Duration timeout();

    /**
     * How long answers from Open-Meteo are reused for the same place, units and days. {@code application.properties}
     * binds the {@code weather} and {@code weather-places} caches to it.
     */
    @WithDefault("10m")
    Duration cacheTtl();

    /** The weather providers {@code switchboard.weather.provider} can name. */
    enum ProviderKind {
        OPEN_METEO,
        OFFLINE;

        /** The setting's value, which is also the {@code @Identifier} of the provider bean. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
