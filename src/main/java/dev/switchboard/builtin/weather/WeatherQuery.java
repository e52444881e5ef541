package dev.switchboard.builtin.weather;

import java.util.Objects;

/**
 * What {@code weather.get} asks a {@link WeatherProvider}: a place given either by name or by coordinates, the
 * temperature unit and how many days of daily forecast.
 *
 * @param city a place name, possibly qualified by region or country ({@code "Springfield, Illinois"}); null when
 *     coordinates are given
 * @param coordinates where; null when a city is given
 * @param days 1-16 days of daily forecast, today first
 */
public record WeatherQuery(String city, Coordinates coordinates, TemperatureUnit units, int days) {

    /** Open-Meteo's limit, and so ours. */
    public static final int MAX_DAYS = 16;

    public WeatherQuery {
        if ((city == null) == (coordinates == null)) {
            throw new IllegalArgumentException("A weather query names a city or coordinates, not both or neither");
        }
        Objects.requireNonNull(units, "units");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1-" + MAX_DAYS + ": " + days);
        }
    }

    public static WeatherQuery city(String city, TemperatureUnit units, int days) {
        return new WeatherQuery(city, null, units, days);
    }

    public static WeatherQuery at(Coordinates coordinates, TemperatureUnit units, int days) {
        return new WeatherQuery(null, coordinates, units, days);
    }
}
