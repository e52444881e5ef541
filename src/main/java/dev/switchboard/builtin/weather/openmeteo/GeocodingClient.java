package dev.switchboard.builtin.weather.openmeteo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Open-Meteo's geocoding API. The body comes back as text and {@link OpenMeteoApi} parses it: the REST client would
 * report a JSON syntax error as if the server had answered 400, hiding that the body was malformed.
 */
@Path("/v1/search")
public interface GeocodingClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String search(
            @QueryParam("name") String name,
            @QueryParam("count") int count,
            @QueryParam("language") String language,
            @QueryParam("format") String format);
}
