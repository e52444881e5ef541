package dev.switchboard.observability;

import io.prometheus.client.exemplars.ExemplarSampler;
import io.quarkus.micrometer.runtime.export.exemplars.OpentelemetryExemplarSamplerProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Trace exemplars on the Prometheus meters only while traces are recorded. Quarkus attaches its OpenTelemetry exemplar
 * sampler whenever the OpenTelemetry extension is present, and it then looks up the current span on every timer and
 * counter update: per request, for the HTTP server, the Redis client and its pool, and our own meters. With the SDK off
 * (the default: no exporter endpoint) there is never a span to find, and those lookups cost 1 to 2 % of a call's CPU.
 */
@Singleton
public class TraceExemplars {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Optional<ExemplarSampler> exemplarSampler(
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled) {
        return sdkDisabled ? Optional.empty() : new OpentelemetryExemplarSamplerProvider().exemplarSampler();
    }
}
