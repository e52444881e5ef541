package dev.switchboard.builtin.weather;

import dev.switchboard.builtin.weather.openmeteo.OpenMeteoWeatherProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Picks the weather provider named by {@code switchboard.weather.provider} when the application starts (a run-time
 * setting, so one build serves both). Only the chosen one is created.
 */
@ApplicationScoped
class WeatherProviderProducer {

    private static final Logger LOG = Logger.getLogger(WeatherProviderProducer.class);

    @Produces
    @ApplicationScoped
    WeatherProvider weatherProvider(
            WeatherConfig weather,
            Instance<OpenMeteoWeatherProvider> openMeteo,
            Instance<OfflineWeatherProvider> offline) {
        return switch (weather.provider()) {
            case OPEN_METEO -> {
                LOG.infof(
                        "weather.get uses Open-Meteo (geocoding %s, forecast %s)",
                        weather.geocodingUrl(), weather.forecastUrl());
                yield openMeteo.get();
            }
            case OFFLINE -> {
                LOG.info("weather.get uses the offline provider: made-up weather, no network");
                yield offline.get();
            }
        };
    }
}
