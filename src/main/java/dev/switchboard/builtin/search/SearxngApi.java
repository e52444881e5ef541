package dev.switchboard.builtin.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.Closeable;
import java.util.List;

/**
 * The JSON search API of a SearXNG instance. The body is returned as text and read by {@link ProviderHttp}, so a body
 * that is not the expected JSON is reported the same way whatever content type the instance claims.
 */
@Path("/search")
interface SearxngApi extends Closeable {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String search(
            @QueryParam("q") String query,
            @QueryParam("format") String format,
            @QueryParam("safesearch") int safeSearch,
            @QueryParam("pageno") int page);

    /** The part of SearXNG's answer the tool reads. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(
            List<Result> results,
            /* pairs of [engine, reason]; read loosely because only the engine names are reported */
            @JsonProperty("unresponsive_engines") JsonNode unresponsiveEngines) {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(String title, String url, String content) {}
}
