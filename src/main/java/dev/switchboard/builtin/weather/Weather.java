package dev.switchboard.builtin.weather;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.api.Description;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of {@code weather.get}: the original article's {@code forecast} and {@code temperature} (current
 * conditions), the place they are for, and a forecast per day.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Weather(
        @Description("The place the weather is for: the one found for the city given, or the coordinates given")
        Location location,

        @Description("Current conditions in words, e.g. \"Partly cloudy\"")
        String forecast,

        @Description("Current temperature, rounded, with its unit, e.g. \"27°C\"")
        String temperature,

        @Description("Current wind speed at 10 m with its unit, e.g. \"12 km/h\"")
        String wind,

        @Description("Local date and time at the place that the current conditions are for, ISO-8601 without"
                + " offset, e.g. \"2026-05-01T14:15\"")
        String localTime,

        @Description("Unit of every temperature in this answer")
        TemperatureUnit units,

        @Description("One entry per forecast day, today (local date at the place) first")
        List<Day> daily) {

    /** Where the weather is for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(
            @Description("Place name, e.g. \"Paris\"; absent when the call gave coordinates")
            String name,

            @Description("Region, state or province, e.g. \"Île-de-France\"")
            String region,

            @Description("Country, e.g. \"France\"") String country,

            @Description("Latitude in decimal degrees") Double latitude,

            @Description("Longitude in decimal degrees") Double longitude,

            @Description("IANA time zone of the place, e.g. \"Europe/Paris\"; dates and times are local to it")
            String timezone) {

        /** The same place, in a time zone learnt later (from the forecast). */
        public Location withTimezone(String timezone) {
            return new Location(name, region, country, latitude, longitude, timezone);
        }
    }

    /** The forecast for one day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Day(
            @Description("Local date, ISO-8601, e.g. \"2026-05-01\"")
            LocalDate date,

            @Description("Expected conditions in words, e.g. \"Slight rain showers\"")
            String forecast,

            @Description("Lowest temperature of the day, in the answer's units")
            Double min,

            @Description("Highest temperature of the day, in the answer's units")
            Double max,

            @Description("Total precipitation (rain, showers, snow as water) in millimetres")
            Double precipitationMm) {}
}
