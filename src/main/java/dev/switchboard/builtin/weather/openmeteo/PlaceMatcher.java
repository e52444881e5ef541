package dev.switchboard.builtin.weather.openmeteo;

import dev.switchboard.api.ToolException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides which geocoded place a city name means, or explains to the model why it cannot.
 *
 * <p>A city may be qualified, {@code "Springfield, Illinois, United States"}: the geocoder is asked for the first
 * part and every further part must name the place's region, district, country or country code. Among what is left,
 * places whose name is the one asked for (ignoring case and accents) come first. One candidate is used; of several,
 * the most populous is used only when it is at least {@value #CLEAR_LEAD} times as populous as the next (Paris,
 * France over Paris, Texas); otherwise the call fails and lists the candidates so the model can ask again precisely.
 */
final class PlaceMatcher {

    /** How much bigger the top place must be for a bare name to mean it. */
    static final int CLEAR_LEAD = 10;

    /** How many candidates an error lists. */
    static final int LISTED = 5;

    private PlaceMatcher() {}

    /** A city argument split into the name to search for and the qualifiers that narrow it. */
    record Query(String text, String name, List<String> qualifiers) {

        static Query parse(String city) {
            List<String> parts = Arrays.stream(city.split(","))
                    .map(String::strip)
                    .filter(part -> !part.isEmpty())
                    .toList();
            if (parts.isEmpty()) {
                return new Query(city.strip(), city.strip(), List.of());
            }
            return new Query(city.strip(), parts.get(0), parts.subList(1, parts.size()));
        }
    }

    /**
     * The place meant by {@code query} among the geocoder's {@code results} (in its order of relevance).
     *
     * @throws ToolException naming the candidates when none or several fit
     */
    static GeocodingResponse.Place pick(Query query, List<GeocodingResponse.Place> results) {
        if (results.isEmpty()) {
            throw new ToolException("No place named '" + query.name() + "' was found. Check the spelling, try the"
                    + " place's English or local name, or give 'latitude' and 'longitude' instead.");
        }
        List<GeocodingResponse.Place> fitting = results.stream()
                .filter(place -> query.qualifiers().stream().allMatch(qualifier -> qualifies(place, qualifier)))
                .toList();
        if (fitting.isEmpty()) {
            throw new ToolException("No place named '" + query.name() + "' in "
                    + query.qualifiers().stream().map(q -> "'" + q + "'").collect(Collectors.joining(", "))
                    + " was found. Places named '" + query.name() + "': " + list(results)
                    + ". Call again with one of them as 'city', or give 'latitude' and 'longitude'.");
        }
        String wanted = fold(query.name());
        List<GeocodingResponse.Place> exact = fitting.stream()
                .filter(place -> fold(place.name()).equals(wanted))
                .toList();
        List<GeocodingResponse.Place> pool = exact.isEmpty() ? fitting : exact;
        if (pool.size() == 1) {
            return pool.get(0);
        }
        List<GeocodingResponse.Place> byPopulation = new ArrayList<>(pool);
        byPopulation.sort(Comparator.comparingLong(PlaceMatcher::population).reversed());
        long top = population(byPopulation.get(0));
        long next = population(byPopulation.get(1));
        if (top > 0 && top >= CLEAR_LEAD * next) {
            return byPopulation.get(0);
        }
        throw new ToolException("'" + query.text() + "' matches several places: " + list(pool)
                + ". Call again with one of them as 'city' (e.g. \"" + label(pool.get(0))
                + "\"), or give 'latitude' and 'longitude'.");
    }

    /** How a place is named to the model: name, region, country, and where it is. */
    static String label(GeocodingResponse.Place place) {
        return Stream.of(place.name(), place.admin1(), place.country())
                .filter(Objects::nonNull)
                .filter(part -> !part.isBlank())
                .distinct()
                .collect(Collectors.joining(", "));
    }

    private static String list(List<GeocodingResponse.Place> places) {
        return places.stream()
                .limit(LISTED)
                .map(place ->
                        label(place) + String.format(Locale.ROOT, " (%.2f, %.2f)", place.latitude(), place.longitude()))
                .collect(Collectors.joining("; "));
    }

    private static boolean qualifies(GeocodingResponse.Place place, String qualifier) {
        String wanted = fold(qualifier);
        return Stream.of(place.admin1(), place.admin2(), place.country(), place.countryCode())
                .filter(Objects::nonNull)
                .anyMatch(field -> fold(field).equals(wanted));
    }

    private static long population(GeocodingResponse.Place place) {
        return place.population() == null ? 0 : place.population();
    }

    /** Case- and accent-insensitive form: "Zürich" and "zurich" are the same name. */
    static String fold(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
