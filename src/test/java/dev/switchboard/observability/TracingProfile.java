package dev.switchboard.observability;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Tracing switched on (as in production with an endpoint), spans exported to {@link CollectingSpanExporter}. */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                // Only the in-memory exporter: nothing listens for OTLP here.
                "quarkus.otel.exporter.otlp.enabled", "false",
                "quarkus.otel.bsp.schedule.delay", "0.05s");
    }
}
