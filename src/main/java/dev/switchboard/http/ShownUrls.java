package dev.switchboard.http;

import java.net.URI;

/** URLs of other services as errors, logs and the console may show them. */
public final class ShownUrls {

    private ShownUrls() {}

    /** Scheme, host, port and path: no user info and no query, either of which may carry a credential. */
    public static String withoutSecrets(URI url) {
        int port = url.getPort();
        return url.getScheme() + "://" + url.getHost() + (port < 0 ? "" : ":" + port) + url.getRawPath();
    }
}
