package dev.switchboard.health;

import dev.switchboard.prompt.PromptRegistry;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.resource.ResourceRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports what this replica serves; the registries are built at start-up, so reaching this check means they loaded.
 * It reads in-memory sizes only, so it never waits.
 */
@Readiness
@ApplicationScoped
public class ToolRegistryReadinessCheck implements HealthCheck {

    private final ToolRegistry tools;
    private final ResourceRegistry resources;
    private final PromptRegistry prompts;

    public ToolRegistryReadinessCheck(ToolRegistry tools, ResourceRegistry resources, PromptRegistry prompts) {
        this.tools = tools;
        this.resources = resources;
        this.prompts = prompts;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("tool-registry")
                .status(tools.size() > 0)
                .withData("tools", tools.size())
                .withData("resources", resources.resources().size())
                .withData("resourceTemplates", resources.templates().size())
                .withData("prompts", prompts.descriptors().size())
                .build();
    }
}
