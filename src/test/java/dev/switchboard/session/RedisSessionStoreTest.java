package dev.switchboard.session;

import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.SmallLimitsProfile;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

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
}
