package dev.switchboard.observability;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Spans exported to the CDI {@link CollectingSpanExporter}, quickly. */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.traces.exporter", "cdi",
                "quarkus.otel.bsp.schedule.delay", "0.05s");
    }
}
