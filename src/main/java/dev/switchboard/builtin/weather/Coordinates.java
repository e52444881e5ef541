package dev.switchboard.builtin.weather;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A point on Earth in decimal degrees, rounded to 4 decimals (about 11 m): finer detail changes no forecast, and
 * rounding lets nearby requests share cached answers.
 */
public record Coordinates(double latitude, double longitude) {

    private static final int SCALE = 4;

    public Coordinates {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("Coordinates out of range: " + latitude + ", " + longitude);
        }
        latitude = round(latitude);
        longitude = round(longitude);
    }

    /** The latitude as a query parameter: plain decimal notation, never {@code 1.0E-4}. */
    public String latitudeParam() {
        return plain(latitude);
    }

    /** The longitude as a query parameter. */
    public String longitudeParam() {
        return plain(longitude);
    }

    private static double round(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }

    private static String plain(double degrees) {
        return BigDecimal.valueOf(degrees).stripTrailingZeros().toPlainString();
    }
}
