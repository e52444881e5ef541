package dev.switchboard.builtin.weather;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The unit of every temperature in a {@code weather.get} answer; written in lower case on the wire. */
// Registered: Jackson reads the @JsonProperty names from the constants' fields, which a native image drops otherwise.
public enum TemperatureUnit {
    @JsonProperty("celsius")
    CELSIUS("celsius", "°C"),

    @JsonProperty("fahrenheit")
    FAHRENHEIT("fahrenheit", "°F");

    private final String wireName;
    private final String symbol;

    TemperatureUnit(String wireName, String symbol) {
        this.wireName = wireName;
        this.symbol = symbol;
    }

    /** The symbol written after a temperature, e.g. {@code °C}. */
    public String symbol() {
        return symbol;
    }

    /** A temperature rounded to a whole degree with its symbol, e.g. {@code 27°C}. */
    public String format(double temperature) {
        return Math.round(temperature) + symbol;
    }

    /** The wire name, so messages listing the allowed values show what a client must send. */
    @Override
    public String toString() {
        return wireName;
    }
}
