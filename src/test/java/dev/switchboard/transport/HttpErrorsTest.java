package dev.switchboard.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.http.HttpError;
import dev.switchboard.security.limits.RateLimit;
import dev.switchboard.security.limits.RateLimitedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How refusals become HTTP answers. */
class HttpErrorsTest {

    @Test
    void aRateLimitedRequestIs429WithRetryAfterInWholeSeconds() {
        RateLimitedException limited = new RateLimitedException(
                "principal",
                new RateLimit(600, Duration.ofMinutes(1)),
                "switchboard.rate-limit.per-principal",
                Duration.ofMillis(1_200));

        HttpError error = HttpErrors.of(limited);

        assertEquals(429, error.status());
        assertEquals("2", error.retryAfter(), "1.2 s rounds up");
        assertNull(error.body().id());
        assertEquals(-32029, error.body().error().code());
        assertEquals(
                "Too many requests: this principal may send 600 requests per 1m"
                        + " (switchboard.rate-limit.per-principal); retry in 2 s",
                error.body().error().message());
        assertEquals(-32029, HttpErrors.code(limited));
    }
}
