package dev.switchboard.security.limits;

import io.smallrye.mutiny.Uni;

/**
 * Token buckets by name, each refilling continuously at its {@link RateLimit}'s rate. With the Redis store every
 * replica shares the buckets, so a limit holds across replicas.
 *
 * <p>Keys: form them as {@code <kind>:<id>}, e.g. {@code principal:<sub>} or {@code session:<id>}, so different kinds
 * never share a bucket. The text may come from the client (any characters, any length): the Redis limiter hashes it
 * into a fixed-size key, and the in-memory one bounds how many buckets it keeps. A bucket is identified by its key
 * alone, so use one {@link RateLimit} per key kind: acquiring one key under two limits mixes their accounting.
 */
public interface RateLimiter {

    /**
     * Takes one permit from the bucket {@code key}, creating it full if it does not exist. Never blocks a thread; a
     * refused acquire takes nothing, so a client that keeps retrying is not pushed further back.
     *
     * @return the decision; a failure when the store cannot be reached (the Redis limiter fails with {@link
     *     dev.switchboard.api.StoreUnavailableException})
     */
    Uni<RateDecision> acquire(String key, RateLimit limit);

    /** What keeps the buckets, for logs: {@code redis} or {@code memory}. */
    String kind();
}
