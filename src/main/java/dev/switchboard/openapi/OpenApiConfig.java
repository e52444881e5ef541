package dev.switchboard.openapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * REST services described by OpenAPI documents whose operations this server serves as tools:
 * {@code switchboard.openapi."<name>".document} and the rest. None configured (the default): nothing changes.
 */
@ConfigMapping(prefix = "switchboard.openapi")
public interface OpenApiConfig {

    /** The services by name. */
    @WithParentName
    Map<String, Service> services();

    interface Service {

        /**
         * The service's OpenAPI 3.0 or 3.1 document, YAML or JSON: a file path, {@code classpath:<resource>}, or an
         * http(s) URL, read once at start-up.
         */
        String document();

        /** Where requests go; the document's first {@code servers} URL when not set. */
        Optional<URI> baseUrl();

        /** Put before each tool name; {@code <name>.} when not set. */
        Optional<String> prefix();

        /** The operations to serve, by operationId glob ({@code *}, {@code ?}) or tag; all when not set. */
        Optional<List<String>> include();

        /** Operations not to serve (operationId globs or tags), applied after {@link #include}. */
        Optional<List<String>> exclude();

        /** How long one request may take, its answer included. */
        @WithDefault("30s")
        Duration timeout();

        /** The largest answer read; a larger one is a tool error. */
        @WithDefault("4194304")
        int maxResponseBytes();

        /**
         * The secret of each security scheme the document declares, by scheme name: an API key, a bearer (or OAuth
         * access) token, or {@code user:password} for basic. Sent only with operations whose security asks for it;
         * never logged or shown.
         */
        Map<String, String> credentials();

        /** The OAuth scopes a caller needs to see and call this service's tools. */
        Optional<List<String>> scopes();
    }
}
