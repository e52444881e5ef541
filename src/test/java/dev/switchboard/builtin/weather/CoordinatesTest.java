package dev.switchboard.builtin.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CoordinatesTest {

    @Test
    void roundsToFourDecimalsSoNearbyCallsShareACacheEntry() {
        assertEquals(new Coordinates(48.85341, 2.34880), new Coordinates(48.853449, 2.348799));
        assertEquals(48.8534, new Coordinates(48.85341, 0).latitude());
    }

    @Test
    void queryParametersAreAlwaysPlainDecimals() {
        Coordinates tiny = new Coordinates(0.00004, -0.0001);
        assertEquals("0", tiny.latitudeParam());
        assertEquals("-0.0001", tiny.longitudeParam());
        assertEquals("10", new Coordinates(10, 120).latitudeParam());
        assertEquals("120", new Coordinates(10, 120).longitudeParam());
        assertEquals("-74.006", new Coordinates(40.7128, -74.006).longitudeParam());
    }

    @Test
    void outOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Coordinates(90.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Coordinates(0, -180.5));
        assertThrows(IllegalArgumentException.class, () -> new Coordinates(Double.NaN, 0));
    }
}
