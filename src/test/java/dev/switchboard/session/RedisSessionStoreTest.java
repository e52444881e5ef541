package dev.switchboard.session;

import dev.switchboard.testing.Await;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.SmallLimitsProfile;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/** The shared session-store contract, on a real redis-server: TTLs pass in real time. */
@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RedisSessionStoreTest extends SessionStoreContract {

    @Inject
    RedisSessionStore store;

    @Override
    protected SessionStore store() {
        return store;
    }

    @Override
    protected void elapse(Duration duration) {
        Await.sleep(duration);
    }

    @Override
    protected Instant now() {
        return Instant.now();
    }
}
