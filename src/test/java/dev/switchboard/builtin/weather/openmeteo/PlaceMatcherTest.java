package dev.switchboard.builtin.weather.openmeteo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.ToolException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which geocoded place a city name means, and what the model is told when that is unclear. */
class PlaceMatcherTest {

    private static final GeocodingResponse.Place ZURICH =
            place("Zürich", "Zurich", "Bezirk Zürich", "Switzerland", "CH", 341_730L);
    private static final GeocodingResponse.Place PORTLAND_OR =
            place("Portland", "Oregon", "Multnomah", "United States", "US", 652_503L);
    private static final GeocodingResponse.Place PORTLAND_ME =
            place("Portland", "Maine", "Cumberland", "United States", "US", 66_194L);
    private static final GeocodingResponse.Place PORTLAND_VIC =
            place("Portland", "Victoria", "Glenelg", "Australia", "AU", 10_900L);
    private static final GeocodingResponse.Place PORTLANDIA =
            place("Portlandia", "Nowhere", null, "Atlantis", "AT", 9_000_000L);
    private static final GeocodingResponse.Place GEORGIA_US = place("Georgia", null, null, "United States", "US", null);
    private static final GeocodingResponse.Place GEORGIA_ZA =
            place("Georgia", "Western Cape", null, "South Africa", "ZA", null);

    @Test
    void aQueryIsANameThenQualifiers() {
        PlaceMatcher.Query query = PlaceMatcher.Query.parse("  Springfield , Illinois,, United States ");
        assertEquals("Springfield", query.name());
        assertEquals(List.of("Illinois", "United States"), query.qualifiers());
        assertEquals("Springfield , Illinois,, United States", query.text());
        assertEquals(List.of(), PlaceMatcher.Query.parse("Paris").qualifiers());
    }

    @Test
    void theOnlyResultIsUsedEvenIfSpelledDifferently() {
        assertSame(ZURICH, pick("zurich", ZURICH));
        assertSame(ZURICH, pick("Zurich, ch", ZURICH));
    }

    @Test
    void exactNamesWinOverFuzzyMatches() {
        assertSame(PORTLAND_OR, pick("Portland", PORTLANDIA, PORTLAND_OR, PORTLAND_VIC));
    }

    @Test
    void theMostPopulousIsUsedOnlyWithAClearLead() {
        assertSame(PORTLAND_OR, pick("Portland", PORTLAND_VIC, PORTLAND_OR));
        // Oregon's Portland is 9.9 times Maine's: not clear enough to guess.
        ToolException ambiguous = assertThrows(ToolException.class, () -> pick("Portland", PORTLAND_OR, PORTLAND_ME));
        assertEquals(
                "'Portland' matches several places: Portland, Oregon, United States (45.00, -120.00);"
                        + " Portland, Maine, United States (45.00, -120.00). Call again with one of them as 'city'"
                        + " (e.g. \"Portland, Oregon, United States\"), or give 'latitude' and 'longitude'.",
                ambiguous.getMessage());
        assertThrows(ToolException.class, () -> pick("Georgia", GEORGIA_US, GEORGIA_ZA), "no populations known");
    }

    @Test
    void qualifiersMatchRegionDistrictCountryOrCode() {
        assertSame(PORTLAND_ME, pick("Portland, Maine", PORTLAND_OR, PORTLAND_ME));
        assertSame(PORTLAND_ME, pick("Portland, cumberland, us", PORTLAND_OR, PORTLAND_ME));
        assertSame(PORTLAND_VIC, pick("Portland, Australia", PORTLAND_OR, PORTLAND_ME, PORTLAND_VIC));
        assertSame(GEORGIA_ZA, pick("Georgia, South Africa", GEORGIA_US, GEORGIA_ZA));
        ToolException none = assertThrows(ToolException.class, () -> pick("Portland, Texas", PORTLAND_OR));
        assertEquals(
                "No place named 'Portland' in 'Texas' was found. Places named 'Portland': Portland, Oregon,"
                        + " United States (45.00, -120.00). Call again with one of them as 'city', or give 'latitude'"
                        + " and 'longitude'.",
                none.getMessage());
    }

    @Test
    void nothingFoundSuggestsSpellingOrCoordinates() {
        ToolException none = assertThrows(ToolException.class, () -> pick("Atlantis, Ocean"));
        assertTrue(none.getMessage().startsWith("No place named 'Atlantis' was found."), none.getMessage());
        assertTrue(none.getMessage().contains("'latitude' and 'longitude'"), none.getMessage());
    }

    @Test
    void errorsListAtMostFiveCandidates() {
        GeocodingResponse.Place[] many = new GeocodingResponse.Place[8];
        for (int i = 0; i < many.length; i++) {
            many[i] = place("Springfield", "State " + i, null, "United States", "US", 1000L);
        }
        ToolException ambiguous = assertThrows(ToolException.class, () -> pick("Springfield", many));
        assertEquals(PlaceMatcher.LISTED, ambiguous.getMessage().split(";").length);
    }

    private static GeocodingResponse.Place pick(String city, GeocodingResponse.Place... results) {
        return PlaceMatcher.pick(PlaceMatcher.Query.parse(city), List.of(results));
    }

    private static GeocodingResponse.Place place(
            String name, String admin1, String admin2, String country, String code, Long population) {
        return new GeocodingResponse.Place(name, 45.0, -120.0, country, code, admin1, admin2, null, population);
    }
}
