package dev.switchboard.tools.weather;

/** Where {@code weather.get} gets its data. */
public interface WeatherProvider {

    /**
     * Current conditions for a city.
     *
     * @throws dev.switchboard.tool.ToolException when the city is unknown or the provider fails
     */
    Weather current(String city);
}
