package dev.switchboard.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A request's own origin ({@code scheme://host[:port]}) as it was received: the scheme and {@code Host} of the request,
 * which Quarkus rewrites from {@code Forwarded}/{@code X-Forwarded-*} only when proxy forwarding is configured
 * ({@code quarkus.http.proxy.*}). Default ports are left out, as browsers write {@code Origin}.
 */
public final class RequestOrigin {

    private RequestOrigin() {}

    /** The request's own origin, or null when it names no host. */
    public static String of(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null || authority.host() == null || authority.host().isEmpty()) {
            return null;
        }
        return normalized(request.scheme(), authority.host(), authority.port());
    }

    /** True when {@code origin} (an {@code Origin} header) is the request's own origin. */
    public static boolean sameAs(String origin, HttpServerRequest request) {
        String own = of(request);
        String other = normalize(origin);
        return own != null && own.equals(other);
    }

    /** {@code origin} in the form {@link #of} writes, or null when it is not an http(s) origin. */
    public static String normalize(String origin) {
        if (origin == null) {
            return null;
        }
        try {
            URI uri = new URI(origin.trim());
            if (uri.getHost() == null
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath()))) {
                return null;
            }
            return normalized(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String normalized(String scheme, String host, int port) {
        String s = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            return null;
        }
        boolean defaultPort = port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
