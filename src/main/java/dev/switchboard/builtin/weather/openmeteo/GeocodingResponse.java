package dev.switchboard.builtin.weather.openmeteo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The body of {@code GET /v1/search}; {@code results} is absent when nothing matched. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record GeocodingResponse(List<Place> results) {

    /** One place found, in Open-Meteo's order of relevance. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(
            String name,
            Double latitude,
            Double longitude,
            String country,
            @JsonProperty("country_code") String countryCode,
            String admin1,
            String admin2,
            String timezone,
            Long population) {

        /** Open-Meteo omits fields it lacks; a place without a name or a position is of no use. */
        boolean usable() {
            return name != null
                    && !name.isBlank()
                    && latitude != null
                    && longitude != null
                    && latitude >= -90
                    && latitude <= 90
                    && longitude >= -180
                    && longitude <= 180;
        }
    }
}
