package dev.switchboard.builtin.weather;

import dev.switchboard.api.AppView;
import dev.switchboard.api.Description;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The original article's first tool: the weather somewhere, now and for the next days. A class tool rather than a
 * {@code @Tool} method because whether it blocks depends on the configured provider ({@link #blocking()}): the
 * offline provider only computes, so it runs on the event loop.
 */
@ApplicationScoped
@AppView(
        uri = "ui://switchboard/weather",
        html = "views/weather.html",
        name = "Weather view",
        description = "Current conditions and the daily forecast of a weather.get result")
@Tool(
        name = "weather.get",
        title = "Weather",
        description = "Current weather and a daily forecast for a place. Give either a city name (add the region or"
                + " country when several places share the name, e.g. \"Springfield, Illinois\") or latitude and"
                + " longitude. Answers the conditions in words, the temperature and wind now, the place that was"
                + " used, and per day (1-16 days, today first) the conditions, lowest and highest temperature and"
                + " precipitation. Temperatures in celsius (default) or fahrenheit.",
        readOnly = true,
        idempotent = true)
public class WeatherTool implements McpTool<WeatherTool.Args, Weather> {

    public record Args(
            @Description("Place name, optionally followed by region and/or country, comma-separated, e.g. \"Paris\","
                    + " \"Springfield, Illinois\" or \"Portland, United States\". Omit it when giving latitude"
                    + " and longitude.")
            @Size(min = 1, max = 100)
            String city,

            @Description("Latitude in decimal degrees, -90 to 90, e.g. 48.8566. Give it with longitude, instead of"
                    + " city.")
            @DecimalMin("-90")
            @DecimalMax("90")
            Double latitude,

            @Description("Longitude in decimal degrees, -180 to 180, e.g. 2.3522. Give it with latitude, instead"
                    + " of city.")
            @DecimalMin("-180")
            @DecimalMax("180")
            Double longitude,

            @Description("Temperature unit: \"celsius\" (default) or \"fahrenheit\"")
            TemperatureUnit units,

            @Description("Days of daily forecast, 1-16, today first; default 1") @Min(1) @Max(WeatherQuery.MAX_DAYS)
            Integer days) {}

    private final WeatherProvider provider;

    WeatherTool(WeatherProvider provider) {
        this.provider = provider;
    }

    @Override
    public Weather call(Args args, ToolContext context) {
        return provider.forecast(query(args));
    }

    @Override
    public boolean blocking() {
        return provider.blocking();
    }

    /** The rules a schema cannot state: a place is a city or a pair of coordinates, never both. */
    static WeatherQuery query(Args args) {
        TemperatureUnit units = args.units() == null ? TemperatureUnit.CELSIUS : args.units();
        int days = args.days() == null ? 1 : args.days();
        boolean coordinates = args.latitude() != null || args.longitude() != null;
        if (args.city() != null && coordinates) {
            throw new ToolException("Give either 'city' or 'latitude' and 'longitude', not both");
        }
        if (coordinates) {
            if (args.latitude() == null || args.longitude() == null) {
                throw new ToolException("'latitude' and 'longitude' go together: give both, or a 'city' instead");
            }
            return WeatherQuery.at(new Coordinates(args.latitude(), args.longitude()), units, days);
        }
        if (args.city() == null) {
            throw new ToolException(
                    "Say where: give a 'city' (e.g. \"Paris\") or both 'latitude' and 'longitude' (e.g. 48.8566 and"
                            + " 2.3522)");
        }
        if (args.city().isBlank()) {
            throw new ToolException("'city' must not be blank: give a place name, e.g. \"Paris\"");
        }
        return WeatherQuery.city(args.city().trim(), units, days);
    }
}
