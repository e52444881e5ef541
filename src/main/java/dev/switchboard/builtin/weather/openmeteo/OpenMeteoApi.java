package dev.switchboard.builtin.weather.openmeteo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.builtin.weather.Coordinates;
import dev.switchboard.builtin.weather.TemperatureUnit;
import dev.switchboard.builtin.weather.WeatherConfig;
import io.quarkus.cache.CacheResult;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The two Open-Meteo calls {@code weather.get} makes, each guarded and cached. Every failure leaves as an
 * {@link OpenMeteoException}.
 *
 * <p>Each method retries failures worth retrying (exponential backoff with jitter) and has its own circuit breaker:
 * after repeated failures calls fail at once for a while instead of waiting on a provider that is down. The values
 * below are defaults; {@code quarkus.fault-tolerance."dev.switchboard.builtin.weather.openmeteo.OpenMeteoApi".retry.*}
 * and {@code .circuit-breaker.*} override them. The time limit per request is {@code switchboard.weather.timeout},
 * enforced by the HTTP client: unlike a fault-tolerance timeout, which only stops waiting, it also closes the
 * connection.
 *
 * <p>Answers are cached ({@code weather-places}, {@code weather}; time to live {@code switchboard.weather.cache-ttl}).
 * The cache sits outside the guards, so a cached answer is served even while the circuit is open, and failures are
 * never cached.
 */
@ApplicationScoped
@Retry(
        maxRetries = 2,
        delay = 200,
        delayUnit = ChronoUnit.MILLIS,
        jitter = 100,
        jitterDelayUnit = ChronoUnit.MILLIS,
        retryOn = OpenMeteoException.Unavailable.class)
@ExponentialBackoff(factor = 2, maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
@CircuitBreaker(
        requestVolumeThreshold = 8,
        failureRatio = 0.5,
        delay = 30,
        delayUnit = ChronoUnit.SECONDS,
        successThreshold = 1,
        skipOn = OpenMeteoException.Rejected.class)
public class OpenMeteoApi {

    /** Places asked of the geocoder: enough to filter by region or country and to list alternatives. */
    static final int PLACES = 10;

    static final String CURRENT = "temperature_2m,weather_code,wind_speed_10m";
    static final String DAILY = "weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum";

    private final GeocodingClient geocoding;
    private final ForecastClient forecast;
    private final ObjectMapper mapper;
    private final Duration timeout;

    OpenMeteoApi(
            WeatherConfig weather,
            @ConfigProperty(name = "switchboard.server.version") String version,
            ObjectMapper mapper) {
        String userAgent = "Switchboard/" + version;
        this.timeout = weather.timeout();
        this.geocoding = client(GeocodingClient.class, weather.geocodingUrl(), weather.timeout(), userAgent);
        this.forecast = client(ForecastClient.class, weather.forecastUrl(), weather.timeout(), userAgent);
        this.mapper = mapper;
    }

    private static <T> T client(Class<T> type, URI baseUri, Duration timeout, String userAgent) {
        long millis = timeout.toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .userAgent(userAgent)
                .build(type);
    }

    /**
     * Places named {@code name}, most relevant first; empty when none is known.
     *
     * @throws OpenMeteoException when the geocoder fails
     */
    @CacheResult(cacheName = "weather-places")
    public List<GeocodingResponse.Place> search(String name) {
        GeocodingResponse response =
                read("geocoding", () -> geocoding.search(name, PLACES, "en", "json"), GeocodingResponse.class);
        if (response.results() == null) {
            return List.of();
        }
        return response.results().stream()
                .filter(place -> place != null && place.usable())
                .toList();
    }

    /**
     * Current conditions and {@code days} days of daily forecast, dates and times local to the place.
     *
     * @throws OpenMeteoException when the forecast API fails or answers something unusable
     */
    @CacheResult(cacheName = "weather")
    public ForecastResponse forecast(Coordinates at, TemperatureUnit units, int days) {
        ForecastResponse response = read(
                "forecast",
                () -> forecast.forecast(
                        at.latitudeParam(), at.longitudeParam(), CURRENT, DAILY, "auto", days, units.toString()),
                ForecastResponse.class);
        String defect = response.defect(days);
        if (defect != null) {
            throw new OpenMeteoException.Malformed(
                    "Open-Meteo's forecast API sent an unusable answer (" + defect + ")", null);
        }
        return response;
    }

    private <T> T read(String api, Supplier<String> request, Class<T> type) {
        String body;
        try {
            body = request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500 || status == 429) {
                throw new OpenMeteoException.Unavailable("Open-Meteo's " + api + " API answered HTTP " + status, e);
            }
            throw new OpenMeteoException.Rejected(
                    "Open-Meteo's " + api + " API refused the request (HTTP " + status + reason(e) + ")", e);
        } catch (ProcessingException e) {
            if (timedOut(e)) {
                throw new OpenMeteoException.Unavailable(
                        "Open-Meteo's " + api + " API did not answer within " + seconds(timeout), e);
            }
            throw new OpenMeteoException.Unavailable("Open-Meteo's " + api + " API could not be reached", e);
        }
        try {
            T value = body == null || body.isBlank() ? null : mapper.readValue(body, type);
            if (value == null) {
                throw new OpenMeteoException.Malformed("Open-Meteo's " + api + " API sent an empty answer", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new OpenMeteoException.Malformed(
                    "Open-Meteo's " + api + " API sent an answer that is not the documented JSON", e);
        }
    }

    /** Open-Meteo explains a refusal as {@code {"error":true,"reason":"..."}}. */
    private String reason(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            JsonNode reason = body == null ? null : mapper.readTree(body).get("reason");
            if (reason != null && reason.isTextual() && !reason.asText().isBlank()) {
                String text = reason.asText().strip();
                return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
            }
        } catch (RuntimeException | JsonProcessingException ignored) {
            // no readable reason: the status alone will do
        }
        return "";
    }

    /** The HTTP client reports its time limit as one of several TimeoutException types, wrapped. */
    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().endsWith("TimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
