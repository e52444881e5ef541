package dev.switchboard.builtin.weather.openmeteo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Open-Meteo's forecast API; the body is parsed by {@link OpenMeteoApi} (see {@link GeocodingClient} for why). */
@Path("/v1/forecast")
public interface ForecastClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String forecast(
            @QueryParam("latitude") String latitude,
            @QueryParam("longitude") String longitude,
            @QueryParam("current") String current,
            @QueryParam("daily") String daily,
            @QueryParam("timezone") String timezone,
            @QueryParam("forecast_days") int forecastDays,
            @QueryParam("temperature_unit") String temperatureUnit);
}
