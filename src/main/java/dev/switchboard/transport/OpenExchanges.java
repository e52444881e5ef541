package dev.switchboard.transport;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.security.limits.RateLimitedException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds what one session holds open on this replica: requests being served (any may turn into an SSE stream) and
 * GET streams, at most {@code switchboard.streams.max-open-per-session}. Without it, one session could pin thousands
 * of connections, threads and stream entries. The count is per replica: a stream lives on the replica it is
 * connected to, and counting in Redis would add a round trip to every request.
 */
@Singleton
class OpenExchanges {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final int max;

    OpenExchanges(SwitchboardConfig config) {
        this.max = config.streams().maxOpenPerSession();
    }

    /**
     * Takes a slot for one request or stream of {@code sessionId}; call {@link #release} once its HTTP response ends.
     *
     * @throws RateLimitedException (429) when the session holds the maximum already
     */
    void acquire(String sessionId) {
        boolean[] taken = {false};
        open.compute(sessionId, (id, count) -> {
            int held = count == null ? 0 : count;
            if (held >= max) {
                return count;
            }
            taken[0] = true;
            return held + 1;
        });
        if (!taken[0]) {
            throw new RateLimitedException(
                    "Too many open requests and streams: this session holds " + max + " on this server"
                            + " (switchboard.streams.max-open-per-session); close a stream or wait for a request to end",
                    RETRY_AFTER);
        }
    }

    void release(String sessionId) {
        open.computeIfPresent(sessionId, (id, count) -> count <= 1 ? null : count - 1);
    }

    /** How many slots {@code sessionId} holds (for tests and metrics). */
    int held(String sessionId) {
        return open.getOrDefault(sessionId, 0);
    }
}
