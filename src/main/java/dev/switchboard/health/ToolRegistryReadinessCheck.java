package dev.switchboard.health;

import dev.switchboard.tool.registry.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports the loaded tools; the registry is built at start-up, so reaching this check means it loaded. */
@Readiness
@ApplicationScoped
public class ToolRegistryReadinessCheck implements HealthCheck {

    private final ToolRegistry registry;

    public ToolRegistryReadinessCheck(ToolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("tool-registry")
                .status(registry.size() > 0)
                .withData("tools", registry.size())
                .build();
    }
}
