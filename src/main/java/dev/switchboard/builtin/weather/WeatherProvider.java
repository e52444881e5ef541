package dev.switchboard.builtin.weather;

/** Where {@code weather.get} gets its data; {@code switchboard.weather.provider} picks one. */
public interface WeatherProvider {

    /**
     * Current conditions and the daily forecast for a place.
     *
     * @throws dev.switchboard.api.ToolException when the place is unknown or ambiguous, or the provider fails: the
     *     message tells the model what to do
     */
    Weather forecast(WeatherQuery query);

    /** Whether {@link #forecast} may block (it asks a remote service); the tool runs on a worker thread then. */
    default boolean blocking() {
        return true;
    }
}
