package dev.switchboard.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.SwitchboardConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
    ToolRegistry toolRegistry(ObjectMapper mapper, Validator validator, SwitchboardConfig config) {
        long start = System.nanoTime();
        ToolRegistry registry = ToolRegistry.load(generated(mapper), ToolRegistryProducer::bean, mapper, validator)
                .without(config.tools().exclude().orElse(List.of()));
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

    private static List<GeneratedTool> generated(ObjectMapper mapper) {
        List<GeneratedTool> tools = new ArrayList<>();
        try {
            List<URL> files = Collections.list(
                    Thread.currentThread().getContextClassLoader().getResources(GeneratedTool.LOCATION));
            if (files.isEmpty()) {
                throw new IllegalStateException("No tool registry (" + GeneratedTool.LOCATION + ") on the class path:"
                        + " the build writes it after compiling; build with ./mvnw package");
            }
            for (URL file : files) {
                try (InputStream in = file.openStream()) {
                    tools.addAll(mapper.readValue(in, TOOLS));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tool registry " + GeneratedTool.LOCATION, e);
        }
        return tools;
    }

    /** Programmatic lookup, so {@code @LookupIfProperty} and friends switch a tool bean off as they do elsewhere. */
    private static Optional<Object> bean(Class<?> beanClass) {
        InjectableInstance<?> instance = Arc.container().select(beanClass);
        return instance.isResolvable() ? Optional.of(instance.get()) : Optional.empty();
    }
}
