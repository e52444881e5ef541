package dev.switchboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every Switchboard setting, under the {@code switchboard.} prefix. Checked as the configuration loads by {@code
 * settings/CoreSettings}: this package lies below the author API's {@code CheckedSettings}.
 */
@ConfigMapping(prefix = "switchboard")
public interface SwitchboardConfig {

    /** How the server introduces itself in {@code initialize}. */
    Server server();

    /** Where sessions live and how long they last. */
    Sessions sessions();

    /** HTTP transport rules for {@code /mcp}. */
    Transport transport();

    /** Tool listing and execution. */
    Tools tools();

    /** SSE streams and their resumption. */
    Streams streams();

    /** Requests the server sends to clients (sampling, elicitation, roots). */
    ClientRequests clientRequests();

    /** Log notifications sent to clients. */
    Logging logging();

    /** The stateless revision 2026-07-28: multi round-trip state, list caching hints, listen streams. */
    Stateless stateless();

    /** Bounds on what a client may send to {@code /mcp}. */
    Limits limits();

    interface Server {
        /** Machine-readable server name sent as {@code serverInfo.name}. */
        @WithDefault("switchboard")
        String name();

        /** Human-readable name sent as {@code serverInfo.title}. */
        @WithDefault("Switchboard")
        String title();

        /** Server version sent as {@code serverInfo.version}. */
        @WithDefault("${quarkus.application.version:0.0.0}")
        String version();

        /** Optional hint for the model on how to use this server, sent as {@code instructions}. */
        Optional<String> instructions();
    }

    interface Sessions {
        /** Session store: {@code redis} (shared by every replica, survives restarts) or {@code memory}. */
        @WithDefault("redis")
        StoreKind store();

        /** Sliding time to live: a session expires after this much idle time. */
        @WithDefault("30m")
        Duration ttl();

        /** How many entries of {@code tools_used} a session keeps; older ones are dropped. */
        @WithDefault("100")
        int toolsUsedLimit();

        /** Prefix of every Redis key Switchboard writes, so several deployments can share one Redis. */
        @WithDefault("switchboard")
        String redisKeyPrefix();

        /**
         * How long start-up waits for the Redis store to answer before it stops with a message naming
         * {@code REDIS_URL}: a replica that can serve nothing should say why, and Kubernetes restarts it (with a
         * back-off) until Redis is there. {@code 0s} starts without waiting; readiness then stays DOWN until Redis
         * answers, as it does whenever Redis goes away later.
         */
        @WithDefault("10s")
        Duration redisStartTimeout();
    }

    enum StoreKind {
        REDIS,
        MEMORY
    }

    interface Transport {
        /**
         * Origins allowed to call {@code /mcp} (DNS-rebinding protection). An entry is either a host name, which
         * allows that host on any scheme and port, or a full origin such as {@code https://app.example.com}.
         * {@code *} allows every origin. Requests without an {@code Origin} header are always allowed.
         */
        @WithDefault("localhost,127.0.0.1,[::1]")
        List<String> allowedOrigins();
    }

    interface Tools {
        /** Number of tools per {@code tools/list} page (also used for resources, prompts and tasks). */
        @WithDefault("50")
        int pageSize();

        /** How long a tool may run before it is cancelled, unless its {@code @Tool} says otherwise. */
        @WithDefault("60s")
        Duration timeout();

        /**
         * Tools this deployment does not offer: names ({@code research}) or prefixes ending in {@code *}
         * ({@code memory.*}). An excluded tool is not listed and a call to it is answered as for an unknown tool.
         */
        Optional<List<String>> exclude();
    }

    interface Streams {
        /** Reconnection delay suggested to clients with each stream's priming event ({@code retry:}). */
        @WithDefault("1s")
        Duration retry();

        /** How many streams per session the event log keeps for resumption (oldest dropped first). */
        @WithDefault("100")
        int perSession();

        /** How many events per stream the event log keeps for resumption (oldest dropped first). */
        @WithDefault("1000")
        int eventsPerStream();

        /**
         * How many requests and streams one session may hold open on one replica at once: requests being served
         * (their answers may become SSE streams) and GET streams. One more is answered 429.
         */
        @WithDefault("16")
        int maxOpenPerSession();
    }

    interface ClientRequests {
        /** How long a tool waits for the client to answer a sampling, elicitation or roots request. */
        @WithDefault("5m")
        Duration timeout();
    }

    interface Logging {
        /** Minimum level of log notifications for a session whose client never sent {@code logging/setLevel}. */
        @WithDefault("info")
        String defaultLevel();
    }

    interface Stateless {
        /**
         * Base64 HMAC-SHA256 key that signs {@code requestState} (multi round-trip requests), at least 32 bytes, the
         * same on every replica. Unset, the first replica creates a random one in the session store and the others
         * use it; set it (from a secret) to control rotation.
         */
        Optional<String> requestStateKey();

        /** How long a client has to answer an {@code input_required} result and retry. */
        @WithDefault("10m")
        Duration requestStateTtl();

        /** The largest {@code requestState} issued (answers collected so far, signed); larger ones fail the call. */
        @WithDefault("65536")
        int requestStateMaxBytes();

        /** {@code ttlMs} on list results (tools, prompts, resources, templates): they are fixed at build time. */
        @WithDefault("5m")
        Duration listTtl();

        /** Interval of keep-alive comments on {@code subscriptions/listen} streams during quiet periods. */
        @WithDefault("15s")
        Duration keepAlive();
    }

    interface Limits {
        /**
         * Jackson stream read constraints for {@code /mcp} bodies, checked while parsing so a hostile message costs
         * little. The body size itself is {@code quarkus.http.limits.max-body-size} (HTTP 413).
         */
        Json json();

        interface Json {
            /** Deepest nesting of objects and arrays; MCP messages nest about a dozen levels at most. */
            @WithDefault("64")
            int maxNestingDepth();

            /** Longest string value, in characters (base64 images and audio in sampling answers are the longest). */
            @WithDefault("4000000")
            int maxStringLength();

            /** Longest number, in characters: parsing huge numbers costs time quadratic in their length. */
            @WithDefault("100")
            int maxNumberLength();

            /** Longest property name, in characters. */
            @WithDefault("1000")
            int maxNameLength();
        }
    }
}
