package dev.switchboard.tools.weather;

import dev.switchboard.tool.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The result of {@code weather.get}: the original article's {@code forecast} and {@code temperature}, plus the city. */
@RegisterForReflection
public record Weather(
        @Description("The city the forecast is for") String city,
        @Description("Conditions in words, e.g. \"Sunny\"") String forecast,

        @Description("Temperature with its unit, e.g. \"27°C\"")
        String temperature) {}
