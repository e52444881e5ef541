package dev.switchboard.api.settings;

import java.net.URI;
import java.util.Locale;

/** The one test of a configured URL that must point at an HTTP server. */
public final class HttpUrl {

    private HttpUrl() {}

    /** Whether {@code url} is absolute, http or https (any case), with a host. */
    public static boolean isAbsoluteHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
    }
}
