package dev.switchboard.session;

import dev.switchboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;

/** The shared session-store contract, on the in-memory store with a clock the test moves. */
class InMemorySessionStoreTest extends SessionStoreContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, TTL, TOOLS_USED_LIMIT);

    @Override
    protected SessionStore store() {
        return store;
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }
}
