package dev.switchboard.transport;

import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.session.SessionStoreContract;
import dev.switchboard.testing.RedisServerResource;
import dev.switchboard.testing.ShortTtlProfile;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Sessions over HTTP with a TTL of 2.5 s in Redis: each request slides it; idle sessions answer 404. */
@QuarkusTest
@TestProfile(ShortTtlProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SessionExpiryTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Test
    void requestsKeepTheSessionAliveAndIdleSessionsExpire() throws InterruptedException {
        String session = initialize();
        // Three half-TTL pauses: longer than one TTL in all, so only the sliding refresh keeps the session.
        for (int step = 0; step < 3; step++) {
            Thread.sleep(SessionStoreContract.TTL.toMillis() / 2);
            post(session, PING).statusCode(200);
        }
        Thread.sleep(SessionStoreContract.TTL.toMillis() + 300);
        post(session, PING).statusCode(404).body("error.code", equalTo(-32001));
    }
}
