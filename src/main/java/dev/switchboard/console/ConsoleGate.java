package dev.switchboard.console;

import dev.switchboard.http.HttpError;
import dev.switchboard.http.RequestOrigin;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.transport.OriginPolicy;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gate in front of everything under {@code /console}, static page and assets included (a Vert.x filter, so it
 * runs before the static-resource handler and before JAX-RS): 404 while the console is off; the page's security
 * headers; and for {@code /console/api}, no request from another site (an {@code Origin} other than the server's own,
 * or {@code Sec-Fetch-Site: cross-site}), before the bearer token is even looked at.
 */
@ApplicationScoped
public class ConsoleGate {

    /** Content Security Policy of the page: its own scripts, styles and images (and data: images), never framed. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'";

    /**
     * The sandbox proxy of MCP Apps views ({@code view-frame.html}), framed by the console page only. A view is one
     * self-contained page with inline code, and the proxy cannot know the origins each view declares, so this policy
     * allows both; the proxy adds the policy the view's {@code _meta.ui.csp} asks for, and the stricter one wins.
     */
    static final String VIEW_FRAME_CSP =
            "default-src 'none'; script-src * 'unsafe-inline'; style-src * 'unsafe-inline';"
                    + " img-src * data:; font-src *; media-src * data:; connect-src *; frame-src *; object-src 'none';"
                    + " frame-ancestors 'self'";

    static final String VIEW_FRAME = "/console/view-frame.html";

    /** Before the other filters of the HTTP layer (CORS is 300 or so): a console that is off has nothing to show. */
    private static final int PRIORITY = 1000;

    private final ConsoleAccess access;
    private final OriginPolicy origins;
    private final JsonCodec json;

    public ConsoleGate(ConsoleAccess access, OriginPolicy origins, JsonCodec json) {
        this.access = access;
        this.origins = origins;
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext routing) {
        String path = routing.normalizedPath();
        if (!ConsoleAccess.isConsole(path)) {
            routing.next();
            return;
        }
        if (!access.enabled()) {
            refuse(
                    routing,
                    404,
                    "Not Found: the console is off; set switchboard.console.enabled=true"
                            + " (SWITCHBOARD_CONSOLE_ENABLED=true) to serve it");
            return;
        }
        if (path.equals("/console")) {
            // The page loads its API and assets by relative URLs: they resolve under /console/ only.
            routing.response()
                    .setStatusCode(302)
                    .putHeader("Location", "/console/")
                    .end();
            return;
        }
        MultiMap headers = routing.response().headers();
        boolean viewFrame = path.equals(VIEW_FRAME);
        headers.set("Content-Security-Policy", viewFrame ? VIEW_FRAME_CSP : CSP);
        headers.set("X-Frame-Options", viewFrame ? "SAMEORIGIN" : "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        if (ConsoleAccess.isApi(path)) {
            String refusal = foreign(routing);
            if (refusal != null) {
                refuse(routing, 403, refusal);
                return;
            }
            headers.set("Cache-Control", "no-store");
        }
        routing.next();
    }

    /** Why a request to the API comes from somewhere it must not, or null when it does not. */
    private String foreign(RoutingContext routing) {
        String site = routing.request().getHeader("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(site)) {
            return "Forbidden: the console API answers only the console page of this server, and this request comes"
                    + " from another site (Sec-Fetch-Site: cross-site)";
        }
        String origin = routing.request().getHeader("Origin");
        String own = RequestOrigin.of(routing.request());
        if (origin != null && !RequestOrigin.sameAs(origin, routing.request())) {
            return "Forbidden: Origin '" + origin + "' is not this server's origin '" + own
                    + "'; the console API answers only the console page of this server";
        }
        // A browser page: without authorization, only on the hosts /mcp allows, or a page on another site whose DNS
        // name was rebound to this server would be "same-origin" (see ConsoleAccess).
        boolean browser = origin != null || site != null;
        if (browser && !access.authorization() && !origins.allows(own)) {
            return "Forbidden: with authorization off the console answers browsers only at the origins"
                    + " switchboard.transport.allowed-origins allows, and '" + own + "' is not one; add it there, or"
                    + " turn authorization on (switchboard.auth.enabled)";
        }
        return null;
    }

    private void refuse(RoutingContext routing, int status, String message) {
        HttpError error = HttpError.of(status, JsonRpcErrorCodes.INVALID_REQUEST, message);
        routing.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(json.write(error.body()));
    }
}
