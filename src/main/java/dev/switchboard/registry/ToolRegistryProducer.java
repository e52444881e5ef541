package dev.switchboard.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpTool;
import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Builds the {@link ToolRegistry} from every {@link McpTool} bean. ArC resolves the beans at build time, so nothing
 * scans the class path at run time; the registry is created at start-up so a broken tool fails fast.
 */
@Singleton
class ToolRegistryProducer {

    private static final Logger LOG = Logger.getLogger(ToolRegistryProducer.class);

    @Produces
    @Singleton
    @Startup
    ToolRegistry toolRegistry(
            @All List<InstanceHandle<McpTool<?, ?>>> beans, ObjectMapper mapper, Validator validator) {
        List<ToolRegistry.DiscoveredTool> discovered = beans.stream()
                .map(handle -> new ToolRegistry.DiscoveredTool(handle.getBean().getBeanClass(), handle.get()))
                .toList();
        ToolRegistry registry = ToolRegistry.build(discovered, mapper, validator);
        LOG.infof(
                "Registered %d tools: %s",
                registry.size(),
                String.join(
                        ", ",
                        registry.descriptors().stream()
                                .map(ToolDescriptor::name)
                                .toList()));
        return registry;
    }
}
