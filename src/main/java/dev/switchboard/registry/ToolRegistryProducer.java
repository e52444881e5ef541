package dev.switchboard.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.SwitchboardConfig;
import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Creates the {@link ToolRegistry} from the registry files the build wrote ({@value GeneratedTool#LOCATION}, one per
 * class-path root) and the CDI beans that declare the tools. Created at start-up, so a stale or broken registry
 * fails fast.
 */
@Singleton
class ToolRegistryProducer {

    private static final Logger LOG = Logger.getLogger(ToolRegistryProducer.class);
    private static final TypeReference<List<GeneratedTool>> TOOLS = new TypeReference<>() {};

    @Produces
    @Singleton
    @Startup
    ToolRegistry toolRegistry(
            ObjectMapper mapper, Validator validator, SwitchboardConfig config, @All List<ToolSources> sources) {
        long start = System.nanoTime();
        ToolRegistry registry = ToolRegistry.load(
                        GeneratedFiles.read(mapper, GeneratedTool.LOCATION, TOOLS), CdiBeans::find, mapper, validator)
                .without(config.tools().exclude().orElse(List.of()));
        if (sources.stream().anyMatch(ToolSources::configured)) {
            registry.acceptMounts();
        }
        LOG.infof(
                "Registered %d tools in %d ms: %s",
                registry.size(),
                (System.nanoTime() - start) / 1_000_000,
                String.join(
                        ", ",
                        registry.descriptors().stream()
                                .map(ToolDescriptor::name)
                                .toList()));
        return registry;
    }
}
