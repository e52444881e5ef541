package dev.switchboard.transport;

import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.session.SessionStoreContract;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.SmallLimitsProfile;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Sessions over HTTP with a TTL of 2.5 s in Redis: each request slides it; idle sessions answer 404. */
@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SessionExpiryTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Inject
    RedisDataSource redis;

    @Test
    void requestsKeepTheSessionAliveAndIdleSessionsExpire() {
        String session = initialize();
        // Three half-TTL pauses: longer than one TTL in all, so only the sliding refresh keeps the session.
        for (int step = 0; step < 3; step++) {
            Await.sleep(SessionStoreContract.TTL.dividedBy(2));
            post(session, PING).statusCode(200);
        }
        long idleSince = System.nanoTime();
        Await.until(() -> !redis.key().exists("switchboard:session:{" + session + "}"));
        long idleMillis = (System.nanoTime() - idleSince) / 1_000_000;
        assertTrue(
                idleMillis >= SessionStoreContract.TTL.toMillis() / 2,
                "expired after " + idleMillis + " ms idle, well before the TTL");
        post(session, PING).statusCode(404).body("error.code", equalTo(-32001));
    }
}
