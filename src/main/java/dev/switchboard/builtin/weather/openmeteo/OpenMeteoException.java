package dev.switchboard.builtin.weather.openmeteo;

/**
 * A failed call to Open-Meteo. The subclasses tell the fault-tolerance rules apart: only {@link Unavailable} is
 * retried, and {@link Rejected} (our request was refused) does not count against the provider's health. The message
 * is written for the model and names no tool argument.
 */
public abstract class OpenMeteoException extends RuntimeException {

    OpenMeteoException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Not reachable, too slow, overloaded or failing (5xx, 429): worth retrying. */
    public static final class Unavailable extends OpenMeteoException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The answer is not what the API documents: retrying the same request would not help. */
    public static final class Malformed extends OpenMeteoException {
        Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Open-Meteo refused the request (4xx other than 429). */
    public static final class Rejected extends OpenMeteoException {
        Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
