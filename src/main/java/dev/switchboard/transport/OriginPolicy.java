package dev.switchboard.transport;

import dev.switchboard.config.SwitchboardConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection: a browser page on another site must not reach a local MCP server. A request whose
 * {@code Origin} is not allowed gets 403; requests without {@code Origin} (non-browser clients) pass.
 */
@Singleton
public class OriginPolicy {

    private final boolean anyOrigin;
    private final Set<String> hosts = new HashSet<>();
    private final Set<String> origins = new HashSet<>();

    @Inject
    public OriginPolicy(SwitchboardConfig config) {
        this(config.transport().allowedOrigins());
    }

    OriginPolicy(List<String> allowed) {
        boolean any = false;
        for (String entry : allowed) {
            String value = entry.trim().toLowerCase(Locale.ROOT);
            if (value.equals("*")) {
                any = true;
            } else if (value.contains("://")) {
                origins.add(stripTrailingSlash(value));
            } else if (!value.isEmpty()) {
                hosts.add(value);
            }
        }
        this.anyOrigin = any;
    }

    public boolean allows(String origin) {
        if (origin == null || anyOrigin) {
            return true;
        }
        String normalized = stripTrailingSlash(origin.trim().toLowerCase(Locale.ROOT));
        if (origins.contains(normalized)) {
            return true;
        }
        try {
            URI uri = new URI(normalized);
            String scheme = uri.getScheme();
            return uri.getHost() != null
                    && ("http".equals(scheme) || "https".equals(scheme))
                    && hosts.contains(uri.getHost());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
