package dev.switchboard.builtin.weather;

import static dev.switchboard.testing.Mcp.call;
import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.MemoryStoreProfile;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code weather.get} against Open-Meteo played by WireMock ({@link MemoryStoreProfile}): the exact requests sent, the answer's shape, the place
 * policy, caching, and behaviour on errors, timeouts, malformed bodies and an open circuit.
 */
@QuarkusTest
@TestProfile(MemoryStoreProfile.class)
class OpenMeteoWeatherTest {

    private static final String SEARCH = "/v1/search";
    private static final String FORECAST = "/v1/forecast";

    private static final String PARIS = """
            {"results":[
              {"id":2988507,"name":"Paris","latitude":48.85341,"longitude":2.3488,"elevation":42.0,
               "feature_code":"PPLC","country_code":"FR","timezone":"Europe/Paris","population":2138551,
               "country":"France","admin1":"Île-de-France","admin2":"Paris"},
              {"id":4717560,"name":"Paris","latitude":33.66094,"longitude":-95.55551,"country_code":"US",
               "timezone":"America/Chicago","population":24171,"country":"United States","admin1":"Texas",
               "admin2":"Lamar"}],
             "generationtime_ms":0.7}""";

    private static final String SPRINGFIELD = """
            {"results":[
              {"name":"Springfield","latitude":37.21533,"longitude":-93.29824,"country_code":"US",
               "population":166810,"country":"United States","admin1":"Missouri","admin2":"Greene"},
              {"name":"Springfield","latitude":42.10148,"longitude":-72.58981,"country_code":"US",
               "population":155929,"country":"United States","admin1":"Massachusetts","admin2":"Hampden"},
              {"name":"Springfield","latitude":39.80172,"longitude":-89.64371,"country_code":"US",
               "population":116250,"country":"United States","admin1":"Illinois","admin2":"Sangamon"}]}""";

    WireMockServer openMeteo;

    @Inject
    @CacheName("weather")
    Cache forecasts;

    @Inject
    @CacheName("weather-places")
    Cache places;

    @Inject
    ToolRegistry tools;

    private String session;

    @BeforeEach
    void freshState() {
        openMeteo.resetAll();
        forecasts.invalidateAll().await().indefinitely();
        places.invalidateAll().await().indefinitely();
        CircuitBreakerMaintenance.get().resetAll();
        session = initialize();
    }

    @Test
    void cityIsGeocodedThenItsForecastIsAsked() {
        stub(search().willReturn(WireMock.okJson(PARIS)));
        stub(forecast().willReturn(WireMock.okJson(forecastBody(2, "°C"))));

        weather("{\"city\":\"Paris\",\"days\":2}")
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.forecast", equalTo("Partly cloudy"))
                .body("result.structuredContent.temperature", equalTo("27°C"))
                .body("result.structuredContent.wind", equalTo("12 km/h"))
                .body("result.structuredContent.localTime", equalTo("2026-05-01T14:15"))
                .body("result.structuredContent.units", equalTo("celsius"))
                .body("result.structuredContent.location.name", equalTo("Paris"))
                .body("result.structuredContent.location.region", equalTo("Île-de-France"))
                .body("result.structuredContent.location.country", equalTo("France"))
                .body("result.structuredContent.location.latitude", equalTo(48.8534f))
                .body("result.structuredContent.location.longitude", equalTo(2.3488f))
                .body("result.structuredContent.location.timezone", equalTo("Europe/Paris"))
                .body("result.structuredContent.daily.date", contains("2026-05-01", "2026-05-02"))
                .body("result.structuredContent.daily.forecast", contains("Slight rain showers", "Overcast"))
                .body("result.structuredContent.daily.min", contains(15.2f, 16.2f))
                .body("result.structuredContent.daily.max", contains(28.1f, 29.1f))
                .body("result.structuredContent.daily.precipitationMm", contains(1.4f, 0.0f));

        LoggedRequest search = only(SEARCH);
        assertEquals(Map.of("name", "Paris", "count", "10", "language", "en", "format", "json"), query(search));
        assertTrue(search.getHeader("Accept").contains("application/json"), search.getHeader("Accept"));
        assertTrue(search.getHeader("User-Agent").startsWith("Switchboard/"), search.getHeader("User-Agent"));
        LoggedRequest forecast = only(FORECAST);
        assertEquals(
                Map.of(
                        "latitude", "48.8534",
                        "longitude", "2.3488",
                        "current", "temperature_2m,weather_code,wind_speed_10m",
                        "daily", "weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum",
                        "timezone", "auto",
                        "forecast_days", "2",
                        "temperature_unit", "celsius"),
                query(forecast));
        assertTrue(forecast.getHeader("Accept").contains("application/json"), forecast.getHeader("Accept"));
        assertTrue(forecast.getHeader("User-Agent").startsWith("Switchboard/"), forecast.getHeader("User-Agent"));
    }

    @Test
    void coordinatesSkipGeocodingAndUnitsAndDaysReachTheProvider() {
        stub(forecast().willReturn(WireMock.okJson(forecastBody(3, "°F"))));

        weather("{\"latitude\":40.71277,\"longitude\":-74.006,\"units\":\"fahrenheit\",\"days\":3}")
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.temperature", equalTo("27°F"))
                .body("result.structuredContent.units", equalTo("fahrenheit"))
                .body("result.structuredContent.location.name", nullValue())
                .body("result.structuredContent.location.latitude", equalTo(40.7128f))
                .body("result.structuredContent.location.longitude", equalTo(-74.006f))
                .body("result.structuredContent.daily", hasSize(3));

        assertEquals(0, count(SEARCH));
        Map<String, String> query = query(only(FORECAST));
        assertEquals("40.7128", query.get("latitude"));
        assertEquals("-74.006", query.get("longitude"));
        assertEquals("3", query.get("forecast_days"));
        assertEquals("fahrenheit", query.get("temperature_unit"));
    }

    @Test
    void aSecondIdenticalCallIsAnsweredFromTheCache() {
        stub(search().willReturn(WireMock.okJson(PARIS)));
        stub(forecast().willReturn(WireMock.okJson(forecastBody(1, "°C"))));

        String first = weather("{\"city\":\"Paris\"}").extract().asString();
        String second = weather("{\"city\":\"Paris\"}").extract().asString();
        assertEquals(first, second);
        assertEquals(1, count(SEARCH));
        assertEquals(1, count(FORECAST));

        // Other units are another forecast, of the same (cached) place.
        weather("{\"city\":\"Paris\",\"units\":\"fahrenheit\"}").body("result.isError", equalTo(false));
        assertEquals(1, count(SEARCH));
        assertEquals(2, count(FORECAST));
    }

    @Test
    void cachedAnswersExpireAfterTheConfiguredTtl() {
        stub(forecast().willReturn(WireMock.okJson(forecastBody(1, "°C"))));
        weather(NEW_YORK).body("result.isError", equalTo(false));
        weather(NEW_YORK).body("result.isError", equalTo(false));
        assertEquals(1, count(FORECAST));

        Await.sleep(MemoryStoreProfile.CACHE_TTL.plusMillis(200)); // Caffeine's clock: real time must pass
        session = initialize(); // the profile's sessions last 2.5 s
        weather(NEW_YORK).body("result.isError", equalTo(false));
        assertEquals(2, count(FORECAST), "switchboard.weather.cache-ttl reached the cache");
    }

    @Test
    void aBareNameMeansTheFarLargerPlace() {
        stub(search().willReturn(WireMock.okJson(PARIS)));
        stub(forecast().willReturn(WireMock.okJson(forecastBody(1, "°C"))));

        weather("{\"city\":\"paris\"}").body("result.structuredContent.location.country", equalTo("France"));
        weather("{\"city\":\"Paris, Texas\"}")
                .body("result.structuredContent.location.region", equalTo("Texas"))
                .body("result.structuredContent.location.latitude", equalTo(33.6609f));
    }

    @Test
    void anAmbiguousCityListsTheCandidatesAndAQualifiedOneIsUsed() {
        stub(search().willReturn(WireMock.okJson(SPRINGFIELD)));
        stub(forecast().willReturn(WireMock.okJson(forecastBody(1, "°C"))));

        error(
                "{\"city\":\"Springfield\"}",
                "'Springfield' matches several places: Springfield, Missouri, United States (37.22, -93.30);"
                        + " Springfield, Massachusetts, United States (42.10, -72.59); Springfield, Illinois, United"
                        + " States (39.80, -89.64). Call again with one of them as 'city' (e.g. \"Springfield,"
                        + " Missouri, United States\"), or give 'latitude' and 'longitude'.");
        assertEquals(0, count(FORECAST));

        weather("{\"city\":\"Springfield, Illinois, United States\"}")
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.location.region", equalTo("Illinois"));
        assertEquals("39.8017", query(only(FORECAST)).get("latitude"));
        for (LoggedRequest search : openMeteo.findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo(SEARCH)))) {
            assertEquals("Springfield", query(search).get("name"), "the qualifiers are not sent");
        }

        errorStartingWith(
                "{\"city\":\"Springfield, Narnia\"}",
                "No place named 'Springfield' in 'Narnia' was found. Places named"
                        + " 'Springfield': Springfield, Missouri, United States (37.22, -93.30);");
    }

    @Test
    void anUnknownCityIsNamedWithWhatToTryInstead() {
        stub(search().willReturn(WireMock.okJson("{\"generationtime_ms\":0.3}")));

        error(
                "{\"city\":\"Atlantis\"}",
                "No place named 'Atlantis' was found. Check the spelling, try the place's English or local name, or"
                        + " give 'latitude' and 'longitude' instead.");
        assertEquals(0, count(FORECAST));
    }

    @Test
    void serverErrorsAreRetriedThenReportedAsUnavailable() {
        stub(forecast().willReturn(WireMock.aResponse().withStatus(503)));

        error(
                NEW_YORK,
                "Weather provider unavailable: Open-Meteo's forecast API answered HTTP 503. Retry in a minute.");
        assertEquals(1 + MemoryStoreProfile.MAX_RETRIES, count(FORECAST));
    }

    @Test
    void aPassingFailureIsRetriedAway() {
        stub(forecast()
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.aResponse().withStatus(500))
                .willSetStateTo("recovered"));
        stub(forecast()
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(WireMock.okJson(forecastBody(1, "°C"))));

        weather(NEW_YORK)
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.temperature", equalTo("27°C"));
        assertEquals(2, count(FORECAST));
    }

    @Test
    void aSlowProviderTimesOut() {
        stub(forecast()
                .willReturn(
                        WireMock.okJson(forecastBody(1, "°C")).withFixedDelay(3 * MemoryStoreProfile.TIMEOUT_MILLIS)));

        long start = System.nanoTime();
        error(
                NEW_YORK,
                "Weather provider unavailable: Open-Meteo's forecast API did not answer within 500 ms. Retry in"
                        + " a minute.");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1 + MemoryStoreProfile.MAX_RETRIES, count(FORECAST));
        assertTrue(millis < 3 * 3 * MemoryStoreProfile.TIMEOUT_MILLIS, "each attempt gave up early: " + millis + " ms");
    }

    @Test
    void malformedBodiesAreReportedNotRetriedAndNotCached() {
        stub(forecast()
                .willReturn(WireMock.aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("<html>Bad gateway</html>")));
        error(
                NEW_YORK,
                "Weather provider unavailable: Open-Meteo's forecast API sent an answer that is not the"
                        + " documented JSON. Retry later.");
        assertEquals(1, count(FORECAST));

        stub(forecast().willReturn(WireMock.okJson("{\"current\":{\"temperature_2m\":\"warm\"}}")));
        error(
                NEW_YORK,
                "Weather provider unavailable: Open-Meteo's forecast API sent an answer that is not the"
                        + " documented JSON. Retry later.");

        stub(forecast().willReturn(WireMock.okJson("{\"current\":{\"temperature_2m\":20.1}}")));
        error(
                NEW_YORK,
                "Weather provider unavailable: Open-Meteo's forecast API sent an unusable answer (not 1 daily"
                        + " dates). Retry later.");

        stub(search().willReturn(WireMock.okJson("{\"results\":\"Paris\"}")));
        error(
                "{\"city\":\"Paris\"}",
                "Weather provider unavailable: Open-Meteo's geocoding API sent an answer that is"
                        + " not the documented JSON. Retry later.");

        stub(forecast().willReturn(WireMock.okJson(forecastBody(1, "°C"))));
        weather(NEW_YORK).body("result.isError", equalTo(false));
        assertEquals(4, count(FORECAST), "no failure was cached");
    }

    @Test
    void aRefusalExplainsWhyAndIsNotRetried() {
        stub(forecast()
                .willReturn(WireMock.jsonResponse(
                        "{\"error\":true,\"reason\":\"Cannot initialize WeatherVariable from invalid String value\"}",
                        400)));

        error(
                NEW_YORK,
                "The weather provider refused the request: Open-Meteo's forecast API refused the request (HTTP"
                        + " 400: Cannot initialize WeatherVariable from invalid String value).");
        assertEquals(1, count(FORECAST));
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndTheProviderIsLeftAlone() {
        stub(forecast().willReturn(WireMock.serverError()));
        String paused = "Weather provider unavailable: Open-Meteo failed repeatedly, so requests to it are paused for"
                + " a while. Retry later.";

        error(
                NEW_YORK,
                "Weather provider unavailable: Open-Meteo's forecast API answered HTTP 500. Retry in a minute.");
        assertEquals(3, count(FORECAST));
        // The 4th failed request opens the circuit: the retry after it is refused without a request.
        error(NEW_YORK, paused);
        assertEquals(MemoryStoreProfile.CIRCUIT_VOLUME, count(FORECAST));

        stub(forecast().willReturn(WireMock.okJson(forecastBody(1, "°C"))));
        error(NEW_YORK, paused);
        error("{\"latitude\":1,\"longitude\":2}", paused);
        assertEquals(MemoryStoreProfile.CIRCUIT_VOLUME, count(FORECAST), "no request while the circuit is open");

        // Geocoding has its own circuit, still closed.
        stub(search().willReturn(WireMock.okJson(PARIS)));
        error("{\"city\":\"Paris\"}", paused);
        assertEquals(1, count(SEARCH));
    }

    @Test
    void theToolTakesACityOrCoordinatesButNotBoth() {
        error(
                "{}",
                "Say where: give a 'city' (e.g. \"Paris\") or both 'latitude' and 'longitude' (e.g. 48.8566 and"
                        + " 2.3522)");
        error(
                "{\"city\":\"Paris\",\"latitude\":1,\"longitude\":2}",
                "Give either 'city' or 'latitude' and 'longitude', not both");
        error("{\"latitude\":48.8}", "'latitude' and 'longitude' go together: give both, or a 'city' instead");
        error("{\"city\":\"   \"}", "'city' must not be blank: give a place name, e.g. \"Paris\"");
        error(
                "{\"latitude\":91,\"longitude\":0}",
                "Invalid arguments for tool 'weather.get': 'latitude' must be less than or equal to 90 (@DecimalMax)");
        error(
                "{\"city\":\"Paris\",\"days\":0}",
                "Invalid arguments for tool 'weather.get': 'days' must be greater than or equal to 1 (@Min)");
        error(
                "{\"city\":\"Paris\",\"units\":\"kelvin\"}",
                "Invalid arguments for tool 'weather.get': 'units' must be one of [celsius, fahrenheit]");
        assertEquals(0, openMeteo.getAllServeEvents().size());
    }

    @Test
    void theSchemasDescribeBothFormsOfPlaceAndTheStructuredAnswer() {
        var weather = tools.find("weather.get").orElseThrow().descriptor();
        JsonNode input = weather.inputSchema();
        assertEquals(List.of("city", "days", "latitude", "longitude", "units"), fieldNames(input.get("properties")));
        assertTrue(input.path("required").isMissingNode(), "every argument is optional: " + input);
        assertEquals(-90, input.at("/properties/latitude/minimum").asInt());
        assertEquals(180, input.at("/properties/longitude/maximum").asInt());
        assertEquals(16, input.at("/properties/days/maximum").asInt());
        assertEquals(
                "[\"celsius\",\"fahrenheit\"]",
                input.at("/properties/units/enum").toString());
        assertTrue(weather.description().contains("latitude and longitude"), weather.description());

        JsonNode output = weather.outputSchema();
        assertEquals(
                List.of("daily", "forecast", "localTime", "location", "temperature", "units", "wind"),
                fieldNames(output.get("properties")));
        assertEquals(
                "[\"celsius\",\"fahrenheit\"]",
                output.at("/properties/units/enum").toString());
        assertEquals(
                List.of("country", "latitude", "longitude", "name", "region", "timezone"),
                fieldNames(output.at("/properties/location/properties")));
        assertEquals(
                List.of("date", "forecast", "max", "min", "precipitationMm"),
                fieldNames(output.at("/properties/daily/items/properties")));
    }

    private static final String NEW_YORK = "{\"latitude\":40.7128,\"longitude\":-74.006}";

    private ValidatableResponse weather(String arguments) {
        return post(session, call(1, "weather.get", arguments)).statusCode(200);
    }

    private void error(String arguments, String message) {
        weather(arguments).body("result.isError", equalTo(true)).body("result.content[0].text", equalTo(message));
    }

    private void errorStartingWith(String arguments, String message) {
        weather(arguments).body("result.isError", equalTo(true)).body("result.content[0].text", startsWith(message));
    }

    private void stub(MappingBuilder mapping) {
        openMeteo.stubFor(mapping);
    }

    private static MappingBuilder search() {
        return WireMock.get(WireMock.urlPathEqualTo(SEARCH));
    }

    private static MappingBuilder forecast() {
        return WireMock.get(WireMock.urlPathEqualTo(FORECAST));
    }

    private int count(String path) {
        return openMeteo
                .findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo(path)))
                .size();
    }

    private LoggedRequest only(String path) {
        List<LoggedRequest> requests = openMeteo.findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo(path)));
        assertEquals(1, requests.size(), "requests to " + path);
        return requests.get(0);
    }

    /** Every query parameter of a request, decoded; each must appear once. */
    private static Map<String, String> query(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = URI.create(request.getAbsoluteUrl()).getRawQuery();
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            String previous = params.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
            assertEquals(null, previous, "repeated query parameter " + parts[0]);
        }
        return params;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        return names;
    }

    /** A forecast as Open-Meteo writes it, for {@code days} days from 2026-05-01. */
    private static String forecastBody(int days, String unit) {
        StringBuilder time = new StringBuilder();
        StringBuilder codes = new StringBuilder();
        StringBuilder max = new StringBuilder();
        StringBuilder min = new StringBuilder();
        StringBuilder rain = new StringBuilder();
        for (int day = 0; day < days; day++) {
            String comma = day == 0 ? "" : ",";
            time.append(comma).append("\"2026-05-0").append(day + 1).append('"');
            codes.append(comma).append(day == 0 ? 80 : 3);
            max.append(comma).append(28.1 + day);
            min.append(comma).append(15.2 + day);
            rain.append(comma).append(day == 0 ? "1.4" : "0.0");
        }
        return """
                {"latitude":48.86,"longitude":2.3399997,"generationtime_ms":0.05,"utc_offset_seconds":7200,
                 "timezone":"Europe/Paris","timezone_abbreviation":"GMT+2","elevation":43.0,
                 "current_units":{"time":"iso8601","interval":"seconds","temperature_2m":"%s","weather_code":"wmo code",
                   "wind_speed_10m":"km/h"},
                 "current":{"time":"2026-05-01T14:15","interval":900,"temperature_2m":27.3,"weather_code":2,
                   "wind_speed_10m":11.6},
                 "daily_units":{"time":"iso8601","weather_code":"wmo code","temperature_2m_max":"%s",
                   "temperature_2m_min":"%s","precipitation_sum":"mm"},
                 "daily":{"time":[%s],"weather_code":[%s],"temperature_2m_max":[%s],"temperature_2m_min":[%s],
                   "precipitation_sum":[%s]}}""".formatted(unit, unit, unit, time, codes, max, min, rain);
    }
}
