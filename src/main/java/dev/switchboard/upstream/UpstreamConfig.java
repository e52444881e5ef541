package dev.switchboard.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream MCP servers whose tools this server serves as its own: {@code switchboard.upstreams."<name>".url} and the
 * rest. None configured (the default): nothing changes.
 */
@ConfigMapping(prefix = "switchboard.upstreams")
public interface UpstreamConfig {

    /** The upstreams by name. */
    @WithParentName
    Map<String, Upstream> servers();

    interface Upstream {

        /** The upstream's MCP Streamable HTTP endpoint, e.g. {@code https://tools.example.com/mcp}. */
        URI url();

        /** Put before each of its tool names; {@code <name>.} when not set (upstream {@code everything}'s {@code echo} is {@code everything.echo}). */
        Optional<String> prefix();

        /** Tool-name globs ({@code *}, {@code ?}) of the upstream's tools to serve; all when not set. */
        Optional<List<String>> include();

        /** Tool-name globs of the upstream's tools not to serve, applied after {@link #include}. */
        Optional<List<String>> exclude();

        /** How long one request to the upstream may take, its answer included. */
        @WithDefault("30s")
        Duration timeout();

        /** Static headers sent with every request, e.g. {@code Authorization} from a Kubernetes Secret; never logged. */
        Map<String, String> headers();

        /** The OAuth scopes a caller needs to see and call this upstream's tools. */
        Optional<List<String>> scopes();

        /** The largest answer read from the upstream; a larger one is refused with a tool error. */
        @WithDefault("4194304")
        int maxResponseBytes();

        /** How often the tool list is read again (an upstream that was down, or changed its tools). */
        @WithDefault("5m")
        Duration refresh();

        /**
         * How long the last list read from the upstream is kept in Redis, so a replica that starts while the upstream
         * is down still lists its tools (as unavailable). Only with the Redis store.
         */
        @WithDefault("24h")
        Duration lastKnownTtl();

        /**
         * Which revision to speak: {@code auto} asks {@code server/discover} and speaks 2026-07-28 when the upstream
         * does, else opens a session; {@code session} always opens one ({@code initialize}, for an upstream whose
         * tools keep per-session state); {@code stateless} only 2026-07-28.
         */
        @WithDefault("auto")
        Protocol protocol();

        /** When calls to this upstream stop being tried for a while. */
        Breaker breaker();
    }

    /** Which revision an upstream is spoken to in. */
    enum Protocol {
        AUTO,
        SESSION,
        STATELESS
    }

    /** The circuit breaker of one upstream (SmallRye Fault Tolerance). */
    interface Breaker {

        /** How many of the latest calls are looked at; it opens when enough of them failed. */
        @WithDefault("10")
        int window();

        /** The share of failed calls in the window that opens it (failed: no usable answer, not a tool error). */
        @WithDefault("0.5")
        double failureRatio();

        /** How long it stays open (calls answer at once that the upstream is unavailable) before one is tried. */
        @WithDefault("10s")
        Duration delay();
    }
}
