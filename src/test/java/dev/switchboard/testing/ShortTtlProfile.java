package dev.switchboard.testing;

import dev.switchboard.session.SessionStoreContract;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Sessions that expire within seconds, to test expiry without waiting half an hour. */
public class ShortTtlProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchboard.sessions.ttl", SessionStoreContract.TTL.toString(),
                "switchboard.sessions.tools-used-limit", Integer.toString(SessionStoreContract.TOOLS_USED_LIMIT));
    }
}
