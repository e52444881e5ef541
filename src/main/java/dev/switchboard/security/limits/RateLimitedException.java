package dev.switchboard.security.limits;

import java.time.Duration;

/**
 * A request was refused by a rate limit. {@code HttpErrors} answers it with 429, a {@code Retry-After} header and a
 * JSON-RPC error ({@link #CODE}) whose message says which limit, how long to wait, and which setting raises it.
 */
public class RateLimitedException extends RuntimeException {

    /**
     * JSON-RPC error code of a rate-limited request, from the range JSON-RPC leaves to servers (-32000 to -32099), as
     * neither JSON-RPC nor MCP defines one. Not -32600 (Invalid Request): that says the message itself is wrong, so
     * resending it is pointless, while this one succeeds as sent once the client waits. -32029 echoes HTTP 429.
     */
    public static final int CODE = -32029;

    private final Duration retryAfter;

    /**
     * @param bucket whose allowance ran out, for the message: {@code principal} or {@code session}
     * @param limit the limit that refused
     * @param setting the property that sets it, e.g. {@code switchboard.rate-limit.per-principal}
     * @param retryAfter how long until the request would be allowed
     */
    public RateLimitedException(String bucket, RateLimit limit, String setting, Duration retryAfter) {
        super("Too many requests: this " + bucket + " may send " + limit.permits() + " requests per "
                + RateLimit.text(limit.window()) + " (" + setting + "); retry in "
                + Math.max(1, RateDecision.seconds(retryAfter)) + " s");
        this.retryAfter = retryAfter;
    }

    /** A refusal by another bound on how much a client may hold at once; {@code message} names it and its setting. */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until the request would be allowed. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter} in whole seconds, rounded up, for {@code Retry-After}. */
    public long retryAfterSeconds() {
        return Math.max(1, RateDecision.seconds(retryAfter));
    }
}
