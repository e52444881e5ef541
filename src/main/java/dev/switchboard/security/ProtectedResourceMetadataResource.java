package dev.switchboard.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves the RFC 9728 metadata at {@code /.well-known/oauth-protected-resource} and at the path-suffixed form for the
 * resource's path (e.g. {@code .../oauth-protected-resource/mcp}), the one the 401 challenge points at. Only with
 * authorization on: otherwise there is nothing to describe, and both answer 404.
 */
@Path(BearerChallenges.WELL_KNOWN)
@Tag(name = "OAuth", description = "How to obtain an access token for /mcp (RFC 9728)")
public class ProtectedResourceMetadataResource {

    private final ProtectedResourceMetadata metadata;
    private final String resourcePath;

    public ProtectedResourceMetadataResource(AuthConfig auth, ScopeCatalog catalog) {
        if (!auth.enabled() || auth.resource().isEmpty()) {
            this.metadata = null;
            this.resourcePath = null;
            return;
        }
        String resource = auth.resource().get();
        String path = URI.create(resource).getRawPath();
        this.resourcePath = path == null ? "" : path.replaceAll("^/+|/+$", "");
        Set<String> scopes = new TreeSet<>(auth.scopes());
        scopes.addAll(catalog.scopes());
        this.metadata = new ProtectedResourceMetadata(
                resource,
                auth.issuer().map(List::of).orElse(List.of()),
                List.copyOf(scopes),
                List.of("header"),
                auth.resourceName());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "OAuth protected-resource metadata",
            description = "Names this server's canonical URI, the authorization server to get a token from, and the"
                    + " scopes it knows. Served only when authorization is on.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "metadata",
                                            value = "{\"resource\":\"https://mcp.example.com/mcp\","
                                                    + "\"authorization_servers\":[\"https://login.example.com/realms/mcp\"],"
                                                    + "\"scopes_supported\":[\"calendar\",\"mcp\",\"memory\"],"
                                                    + "\"bearer_methods_supported\":[\"header\"],"
                                                    + "\"resource_name\":\"Switchboard MCP server\"}")))
    @APIResponse(responseCode = "404", description = "Authorization is off")
    public ProtectedResourceMetadata root() {
        if (metadata == null) {
            throw new NotFoundException();
        }
        return metadata;
    }

    @GET
    @Path("{path: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth protected-resource metadata for the resource's path (RFC 9728, section 3.1)")
    @APIResponse(responseCode = "200", description = "The same document as the root form")
    @APIResponse(responseCode = "404", description = "Authorization is off, or the path is not this resource's")
    public ProtectedResourceMetadata forPath(@PathParam("path") String path) {
        if (metadata == null || !resourcePath.equals(path.replaceAll("/+$", ""))) {
            throw new NotFoundException();
        }
        return metadata;
    }
}
