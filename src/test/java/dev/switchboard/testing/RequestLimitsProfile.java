package dev.switchboard.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Small request limits, so each one can be crossed with a small body. */
public class RequestLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.limits.max-body-size", "64K",
                "switchboard.limits.json.max-nesting-depth", "10",
                "switchboard.limits.json.max-string-length", "1000",
                "switchboard.limits.json.max-number-length", "20",
                "switchboard.limits.json.max-name-length", "50");
    }
}
