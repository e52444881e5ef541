package dev.switchboard.builtin.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The offline stand-in answers in the live provider's shape, the same for the same place. */
class OfflineWeatherProviderTest {

    private final OfflineWeatherProvider provider =
            new OfflineWeatherProvider(Clock.fixed(Instant.parse("2026-05-01T14:20:00Z"), ZoneOffset.UTC));

    @Test
    void aCityGetsTheSameWeatherInTheLiveShape() {
        Weather weather = provider.forecast(WeatherQuery.city("Paris", TemperatureUnit.CELSIUS, 3));
        Weather again = provider.forecast(WeatherQuery.city("paris", TemperatureUnit.CELSIUS, 3));
        assertEquals(weather.forecast(), again.forecast());
        assertEquals(weather.temperature(), again.temperature());
        assertEquals(weather.daily(), again.daily());
        assertEquals("Paris", weather.location().name());
        assertNull(weather.location().latitude());
        assertTrue(weather.temperature().matches("-?\\d+°C"), weather.temperature());
        assertTrue(weather.wind().matches("\\d+ km/h"), weather.wind());
        assertEquals("2026-05-01T14:00", weather.localTime());
        assertEquals(TemperatureUnit.CELSIUS, weather.units());
        assertEquals(3, weather.daily().size());
        assertEquals(LocalDate.parse("2026-05-03"), weather.daily().get(2).date());
        for (Weather.Day day : weather.daily()) {
            assertTrue(day.min() < day.max(), day.toString());
            assertTrue(WmoCodes.codes().stream().map(WmoCodes::words).anyMatch(day.forecast()::equals), day.forecast());
        }
    }

    @Test
    void fahrenheitConvertsTheSameWeather() {
        Weather celsius = provider.forecast(WeatherQuery.city("Oslo", TemperatureUnit.CELSIUS, 1));
        Weather fahrenheit = provider.forecast(WeatherQuery.city("Oslo", TemperatureUnit.FAHRENHEIT, 1));
        assertEquals(celsius.forecast(), fahrenheit.forecast());
        assertEquals(
                celsius.daily().get(0).max() * 9 / 5 + 32,
                fahrenheit.daily().get(0).max(),
                0.05);
        assertTrue(fahrenheit.temperature().endsWith("°F"), fahrenheit.temperature());
    }

    @Test
    void coordinatesKeepTheirPosition() {
        Weather weather =
                provider.forecast(WeatherQuery.at(new Coordinates(48.85341, 2.3488), TemperatureUnit.CELSIUS, 1));
        assertNull(weather.location().name());
        assertEquals(48.8534, weather.location().latitude());
        assertEquals(2.3488, weather.location().longitude());
    }
}
