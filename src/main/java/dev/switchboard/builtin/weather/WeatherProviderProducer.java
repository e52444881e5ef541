package dev.switchboard.builtin.weather;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Picks the weather provider named by {@code switchboard.weather.provider} when the application starts (a run-time
 * setting, so one build serves both). Each provider bean carries its setting value as {@code @Identifier}, so this
 * class names none of them; only the chosen one is created.
 */
@ApplicationScoped
class WeatherProviderProducer {

    private static final Logger LOG = Logger.getLogger(WeatherProviderProducer.class);

    @Produces
    @ApplicationScoped
    WeatherProvider weatherProvider(WeatherConfig weather, @Any Instance<WeatherProvider> providers) {
        switch (weather.provider()) {
            case OPEN_METEO ->
                LOG.infof(
                        "weather.get uses Open-Meteo (geocoding %s, forecast %s)",
                        weather.geocodingUrl(), weather.forecastUrl());
            case OFFLINE -> LOG.info("weather.get uses the offline provider: made-up weather, no network");
        }
        return providers.select(Identifier.Literal.of(weather.provider().id())).get();
    }
}
