package dev.switchboard.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The application with the conformance suite's fixtures (src/conformance), as the -Pconformance jar has them. */
public class ConformanceProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // The suite reads only the first page of each list.
        return Map.of("switchboard-conformance.fixtures", "true", "switchboard.tools.page-size", "50");
    }
}
