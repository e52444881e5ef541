package dev.switchboard.session;

import java.time.Duration;

/** A session's {@link Allowance} is used up: the request is refused and the session left untouched. */
public class AllowanceExceededException extends RuntimeException {

    private final Duration retryAfter;

    public AllowanceExceededException(Duration retryAfter) {
        super("The session's request allowance is used up; retry in " + retryAfter, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long until the session may send its next request. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
