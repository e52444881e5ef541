package dev.switchboard.builtin.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.Closeable;
import java.util.List;

/**
 * The Brave Search web search API. The body is returned as text and read by {@link ProviderHttp}, so a body that is
 * not the expected JSON is reported the same way whatever content type it came with.
 */
@Path("/res/v1/web/search")
interface BraveApi extends Closeable {

    /** The header that carries the API key. */
    String TOKEN_HEADER = "X-Subscription-Token";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String search(
            @QueryParam("q") String query,
            @QueryParam("count") int count,
            @QueryParam("safesearch") String safeSearch,
            @HeaderParam(TOKEN_HEADER) String apiKey);

    /** The part of Brave's answer the tool reads; {@code web} is absent when nothing matched. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String type, Web web) {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Web(List<Result> results) {}

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(String title, String url, String description) {}
}
