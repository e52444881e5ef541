package dev.switchboard.tools.weather;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in that needs no network: the same city always gets the same weather. It is the default
 * until a real provider bean is present.
 */
@ApplicationScoped
@DefaultBean
public class OfflineWeatherProvider implements WeatherProvider {

    private static final List<String> CONDITIONS =
            List.of("Sunny", "Partly cloudy", "Cloudy", "Light rain", "Showers", "Thunderstorms", "Fog", "Snow");

    @Override
    public Weather current(String city) {
        String name = city.trim();
        int hash = name.toLowerCase(Locale.ROOT).hashCode() & Integer.MAX_VALUE;
        String forecast = CONDITIONS.get(hash % CONDITIONS.size());
        int celsius = forecast.equals("Snow") ? -2 - hash % 6 : 5 + hash % 26;
        return new Weather(name, forecast, celsius + "°C");
    }
}
