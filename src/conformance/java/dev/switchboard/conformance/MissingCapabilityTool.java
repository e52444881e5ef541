package dev.switchboard.conformance;

import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.SamplingRequest;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/** Conformance fixture (2026-07-28). */
@ApplicationScoped
@IfBuildProperty(name = Fixtures.PROPERTY, stringValue = "true")
@Tool(name = "test_missing_capability", description = "Needs the client's sampling capability.")
public class MissingCapabilityTool implements McpTool<NoArguments, String> {

    @Override
    public String call(NoArguments arguments, ToolContext context) {
        return context.sample(SamplingRequest.ofUserText("Say hello", 10)).text();
    }
}
