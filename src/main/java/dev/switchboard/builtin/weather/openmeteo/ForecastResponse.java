package dev.switchboard.builtin.weather.openmeteo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The parts of the body of {@code GET /v1/forecast} that {@code weather.get} reads. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForecastResponse(
        String timezone,
        Current current,
        @JsonProperty("current_units") Map<String, String> currentUnits,
        Daily daily) {

    /** Conditions now (the current 15-minute interval). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Current(
            String time,
            @JsonProperty("temperature_2m") Double temperature,
            @JsonProperty("weather_code") Integer weatherCode,
            @JsonProperty("wind_speed_10m") Double windSpeed) {}

    /** One array per variable, one element per day; Open-Meteo writes null for a value it lacks. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Daily(
            List<String> time,
            @JsonProperty("weather_code") List<Integer> weatherCode,
            @JsonProperty("temperature_2m_max") List<Double> temperatureMax,
            @JsonProperty("temperature_2m_min") List<Double> temperatureMin,
            @JsonProperty("precipitation_sum") List<Double> precipitationSum) {}

    /** Why this body cannot be used, or null when it can: checked before it is cached. */
    String defect(int days) {
        if (current == null || current.temperature() == null) {
            return "no current temperature";
        }
        if (daily == null || daily.time() == null || daily.time().size() != days) {
            return "not " + days + " daily dates";
        }
        for (List<?> values : Arrays.asList(
                daily.weatherCode(), daily.temperatureMax(), daily.temperatureMin(), daily.precipitationSum())) {
            if (values == null || values.size() != days) {
                return "daily values missing or of the wrong length";
            }
        }
        for (String date : daily.time()) {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException | NullPointerException e) {
                return "a daily date that is not ISO-8601";
            }
        }
        return null;
    }
}
