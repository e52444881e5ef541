package dev.switchboard.session;

/**
 * A session's request allowance, kept with the session itself so that checking it costs no extra round trip: a GCRA
 * bucket (generic cell rate algorithm) of {@code burst} requests that refills one every {@code intervalMicros}.
 */
public record Allowance(long intervalMicros, int burst) {

    public Allowance {
        if (intervalMicros < 1 || burst < 1) {
            throw new IllegalArgumentException("An allowance needs a positive interval and burst");
        }
    }

    /**
     * One GCRA step: the bucket's next theoretical arrival time when a request at {@code now} is allowed, or a negative
     * number whose magnitude is the wait in microseconds when it is not.
     *
     * @param tat the bucket's theoretical arrival time, or {@link Long#MIN_VALUE} for a full bucket
     */
    public long take(long tat, long now) {
        long next = Math.max(tat, now) + intervalMicros;
        long allowAt = next - intervalMicros * burst;
        return now < allowAt ? -(allowAt - now) : next;
    }
}
