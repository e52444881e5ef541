package dev.switchboard.transport;

import dev.switchboard.http.HttpError;
import dev.switchboard.http.RequestOrigin;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * DNS-rebinding protection for every HTTP method on {@code /mcp}, before anything else looks at the request (even
 * before authentication, and before a method the endpoint does not serve is answered 405): a request whose
 * {@code Origin} names a site that is not allowed gets 403. A request from the server's own origin passes too when
 * {@link SameOriginAccess} says so (the console, with authorization on). With CORS switched on, Quarkus answers preflights first
 * and refuses origins outside {@code quarkus.http.cors.origins}.
 */
public class OriginFilter {

    private final OriginPolicy origins;
    private final boolean sameOrigin;

    public OriginFilter(OriginPolicy origins, Instance<SameOriginAccess> sameOrigin) {
        this.origins = origins;
        this.sameOrigin = sameOrigin.stream().anyMatch(SameOriginAccess::acceptsSameOrigin);
    }

    @ServerRequestFilter(preMatching = true)
    public Response checkOrigin(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/mcp") && !path.startsWith("/mcp/")) {
            return null;
        }
        // From Vert.x: ContainerRequestContext.getHeaderString copies every header into a JAX-RS map first.
        String origin = http.getHeader("Origin");
        if (origins.allows(origin) || (sameOrigin && RequestOrigin.sameAs(origin, http))) {
            return null;
        }
        return HttpError.of(
                        403,
                        JsonRpcErrorCodes.INVALID_REQUEST,
                        "Forbidden: Origin '" + origin + "' is not allowed; add it to"
                                + " switchboard.transport.allowed-origins")
                .toResponse();
    }
}
