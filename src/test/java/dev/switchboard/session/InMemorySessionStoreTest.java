package dev.switchboard.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The shared session-store contract, on the in-memory store with a clock the test moves. */
class InMemorySessionStoreTest extends SessionStoreContract {

    private final MutableClock clock = new MutableClock();
    private final InMemorySessionStore store = new InMemorySessionStore(clock, TTL, TOOLS_USED_LIMIT);

    @Override
    protected SessionStore store() {
        return store;
    }

    @Override
    protected void elapse(Duration duration) {
        clock.now = clock.now.plus(duration);
    }

    @Override
    protected Instant now() {
        return clock.now;
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
