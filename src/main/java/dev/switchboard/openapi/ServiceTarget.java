package dev.switchboard.openapi;

import dev.switchboard.http.ShownUrls;
import io.vertx.core.http.HttpClient;
import java.net.URI;
import java.time.Duration;

/**
 * Where one service's requests go and within which bounds: its base URL (the only host contacted), its Vert.x HTTP
 * client (requests follow no redirects), the timeout, the largest answer, and its credentials.
 */
record ServiceTarget(
        URI base, HttpClient http, Duration timeout, int maxResponseBytes, ServiceCredentials credentials) {

    /** The base URL followed by an expanded path template and a query. */
    URI uri(String path, String query) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + path + (query.isEmpty() ? "" : "?" + query));
    }

    /** The base URL as errors may show it: no user info, no query. */
    String shownBase() {
        return ShownUrls.withoutSecrets(base);
    }
}
