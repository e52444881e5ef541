package dev.switchboard.builtin.weather.openmeteo;

import dev.switchboard.api.ToolException;
import dev.switchboard.builtin.weather.Coordinates;
import dev.switchboard.builtin.weather.TemperatureUnit;
import dev.switchboard.builtin.weather.Weather;
import dev.switchboard.builtin.weather.WeatherProvider;
import dev.switchboard.builtin.weather.WeatherQuery;
import dev.switchboard.builtin.weather.WmoCodes;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Live weather from Open-Meteo (no API key): a city is geocoded first, then the forecast is asked for its
 * coordinates. Provider failures become messages the model can act on.
 */
@ApplicationScoped
@Identifier("open-meteo")
public class OpenMeteoWeatherProvider implements WeatherProvider {

    private static final Logger LOG = Logger.getLogger(OpenMeteoWeatherProvider.class);

    private final OpenMeteoApi api;

    OpenMeteoWeatherProvider(OpenMeteoApi api) {
        this.api = api;
    }

    @Override
    public Weather forecast(WeatherQuery query) {
        try {
            Weather.Location place;
            Coordinates at;
            if (query.city() != null) {
                PlaceMatcher.Query city = PlaceMatcher.Query.parse(query.city());
                GeocodingResponse.Place found = PlaceMatcher.pick(city, api.search(city.name()));
                at = new Coordinates(found.latitude(), found.longitude());
                place = new Weather.Location(
                        found.name(), found.admin1(), found.country(), at.latitude(), at.longitude(), null);
            } else {
                at = query.coordinates();
                place = new Weather.Location(null, null, null, at.latitude(), at.longitude(), null);
            }
            return weather(place, api.forecast(at, query.units(), query.days()), query.units());
        } catch (CircuitBreakerOpenException e) {
            throw new ToolException("Weather provider unavailable: Open-Meteo failed repeatedly, so requests to it"
                    + " are paused for a while. Retry later.");
        } catch (OpenMeteoException.Unavailable e) {
            LOG.warnf("weather.get: %s", e.getMessage());
            throw new ToolException("Weather provider unavailable: " + e.getMessage() + ". Retry in a minute.");
        } catch (OpenMeteoException.Malformed e) {
            LOG.warnf("weather.get: %s", e.getMessage());
            throw new ToolException("Weather provider unavailable: " + e.getMessage() + ". Retry later.");
        } catch (OpenMeteoException.Rejected e) {
            // the message may quote the arguments, which are not logged
            LOG.warn("weather.get: Open-Meteo refused a request");
            throw new ToolException("The weather provider refused the request: " + e.getMessage() + ".");
        }
    }

    private static Weather weather(Weather.Location place, ForecastResponse response, TemperatureUnit units) {
        ForecastResponse.Current current = response.current();
        ForecastResponse.Daily daily = response.daily();
        List<Weather.Day> days = new ArrayList<>(daily.time().size());
        for (int i = 0; i < daily.time().size(); i++) {
            days.add(new Weather.Day(
                    LocalDate.parse(daily.time().get(i)), // checked by ForecastResponse.defect
                    WmoCodes.words(daily.weatherCode().get(i)),
                    daily.temperatureMin().get(i),
                    daily.temperatureMax().get(i),
                    daily.precipitationSum().get(i)));
        }
        return new Weather(
                place.withTimezone(response.timezone()),
                WmoCodes.words(current.weatherCode()),
                units.format(current.temperature()),
                wind(current, response),
                current.time(),
                units,
                days);
    }

    private static String wind(ForecastResponse.Current current, ForecastResponse response) {
        if (current.windSpeed() == null) {
            return null;
        }
        String unit =
                response.currentUnits() == null ? null : response.currentUnits().get("wind_speed_10m");
        return Math.round(current.windSpeed()) + " " + (unit == null ? "km/h" : unit);
    }
}
