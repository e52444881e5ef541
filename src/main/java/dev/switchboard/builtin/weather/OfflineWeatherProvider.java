package dev.switchboard.builtin.weather;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in that needs no network ({@code switchboard.weather.provider=offline}): the same place
 * always gets the same weather, in the same shape as the live provider's. It knows no geography, so a city keeps the
 * name it was given and has no coordinates.
 */
@ApplicationScoped
@Identifier("offline")
public class OfflineWeatherProvider implements WeatherProvider {

    /** WMO codes, so the words match the live provider's. */
    private static final int[] CONDITIONS = {0, 1, 2, 3, 45, 61, 80, 95, 71};

    private static final int SNOW = 71;

    private final Clock clock;

    OfflineWeatherProvider(Clock clock) {
        this.clock = clock;
    }

    /** Computed from the query alone: no I/O, so {@code weather.get} runs without a thread hop. */
    @Override
    public boolean blocking() {
        return false;
    }

    @Override
    public Weather forecast(WeatherQuery query) {
        Weather.Location location;
        int seed;
        if (query.city() != null) {
            location = new Weather.Location(query.city(), null, null, null, null, "UTC");
            seed = query.city().toLowerCase(Locale.ROOT).hashCode();
        } else {
            Coordinates at = query.coordinates();
            location = new Weather.Location(null, null, null, at.latitude(), at.longitude(), "UTC");
            seed = at.hashCode();
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.HOURS);
        int code = condition(seed, 0);
        List<Weather.Day> daily = new ArrayList<>(query.days());
        for (int day = 0; day < query.days(); day++) {
            daily.add(day(seed, day, now.toLocalDate().plusDays(day), query.units()));
        }
        return new Weather(
                location,
                WmoCodes.words(code),
                query.units().format(in(query.units(), celsius(seed, 0, code))),
                (5 + mix(seed, 0) % 30) + " km/h",
                now.toString(),
                query.units(),
                daily);
    }

    private static Weather.Day day(int seed, int day, LocalDate date, TemperatureUnit units) {
        int code = condition(seed, day);
        int max = celsius(seed, day, code);
        int min = max - 3 - mix(seed, day) % 8;
        double precipitation = code >= 45 ? (mix(seed, day) % 150) / 10.0 : 0.0;
        return new Weather.Day(date, WmoCodes.words(code), in(units, min), in(units, max), precipitation);
    }

    private static int condition(int seed, int day) {
        return CONDITIONS[mix(seed, day) % CONDITIONS.length];
    }

    private static int celsius(int seed, int day, int code) {
        int hash = mix(seed, day);
        return code == SNOW ? -2 - hash % 6 : 5 + hash % 26;
    }

    private static double in(TemperatureUnit units, double celsius) {
        double value = units == TemperatureUnit.FAHRENHEIT ? celsius * 9 / 5 + 32 : celsius;
        return Math.round(value * 10) / 10.0;
    }

    /** A non-negative number that depends on the place and the day only. */
    private static int mix(int seed, int day) {
        return (31 * seed + day * 0x9E3779B9) & Integer.MAX_VALUE;
    }
}
