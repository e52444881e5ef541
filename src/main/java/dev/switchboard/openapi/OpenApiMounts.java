package dev.switchboard.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ToolResult;
import dev.switchboard.registry.MountedTool;
import dev.switchboard.registry.ToolDescriptor;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.security.ScopeDeclarations;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Mounts the operations of every configured OpenAPI service into the {@link ToolRegistry} at start-up: the document is
 * read (a file, a class-path resource or a URL), every operation the filters keep becomes a tool, and its calls go to
 * the service's base URL. A document that cannot be read or used stops start-up with a message naming the setting.
 */
@ApplicationScoped
public class OpenApiMounts implements ScopeDeclarations {

    private static final Logger LOG = Logger.getLogger(OpenApiMounts.class);

    /** Connections kept to one service at most; more concurrent calls wait for one. */
    private static final int POOL = 32;

    private final OpenApiConfig config;
    private final ToolRegistry registry;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    OpenApiMounts(OpenApiConfig config, ToolRegistry registry, ObjectMapper mapper, Vertx vertx) {
        this.config = config;
        this.registry = registry;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        try {
            config.services().forEach(this::mount);
        } catch (IllegalStateException e) {
            // no cause: Quarkus then prints the message alone, which names the setting, not a stack trace
            throw new ConfigurationException(e.getMessage());
        }
    }

    private void mount(String name, OpenApiConfig.Service service) {
        long started = System.nanoTime();
        OpenApiCatalog catalog = built(service.document())
                .orElseGet(() -> OpenApiCatalog.of(name, OpenApiDocument.read(name, service.document()), mapper));
        for (String scheme : service.credentials().keySet()) {
            if (!catalog.schemes().containsKey(scheme)) {
                throw new IllegalStateException("switchboard.openapi." + name + ".credentials." + scheme
                        + " names no security scheme of the document; it declares "
                        + new TreeSet<>(catalog.schemes().keySet()));
            }
        }
        ServiceTarget target = new ServiceTarget(
                base(name, service, catalog),
                vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) service.timeout().toMillis())
                        .setMaxPoolSize(POOL)),
                service.timeout(),
                service.maxResponseBytes(),
                new ServiceCredentials(catalog.schemes(), service.credentials()));
        OperationFilter filter = new OperationFilter(
                service.include().orElse(List.of()), service.exclude().orElse(List.of()));
        String prefix = service.prefix().orElse(name + ".");
        Set<String> scopes = new HashSet<>(service.scopes().orElse(List.of()));
        List<MountedTool> tools = catalog.entries().stream()
                .filter(entry -> filter.serves(entry.operationId(), entry.tags()))
                .map(entry -> tool(name, prefix, entry, target, scopes, service))
                .toList();
        List<String> served = registry.mount("openapi '" + name + "'", tools);
        LOG.infof(
                "OpenAPI service '%s' (%s): serving %d tools, %s in %d ms",
                name,
                target.shownBase(),
                served.size(),
                built(service.document()).isPresent() ? "built with the application, loaded" : "read",
                (System.nanoTime() - started) / 1_000_000);
    }

    private MountedTool tool(
            String name,
            String prefix,
            OpenApiCatalog.Entry entry,
            ServiceTarget target,
            Set<String> scopes,
            OpenApiConfig.Service service) {
        ToolDescriptor described = entry.descriptor();
        ToolDescriptor descriptor = new ToolDescriptor(
                prefix + described.name(),
                described.title(),
                described.description(),
                described.inputSchema(),
                described.outputSchema(),
                described.icons(),
                described.annotations(),
                described.execution());
        OperationCall call = new OperationCall(name, entry.operation(), target, mapper);
        // A second beyond the request's own timeout: a slow service is answered by that, naming the operation,
        // rather than by the tool's deadline.
        return new MountedTool(descriptor, scopes, service.timeout().plusSeconds(1), (arguments, context) -> {
            JsonNode given = arguments != null && arguments.isObject() ? arguments : mapper.createObjectNode();
            List<String> problems = ArgumentCheck.problems(descriptor.inputSchema(), given);
            return problems.isEmpty()
                    ? call.call(given)
                    : ToolResult.error("Invalid arguments: " + String.join("; ", problems));
        });
    }

    /** The catalog the build wrote for a document on the class path, if it did. */
    private Optional<OpenApiCatalog> built(String document) {
        if (!document.startsWith("classpath:")) {
            return Optional.empty();
        }
        String resource = OpenApiCatalog.BUILT
                + document.substring("classpath:".length())
                        .replaceFirst("^/", "")
                        .replaceFirst("^openapi/", "")
                + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(mapper.readValue(in, OpenApiCatalog.class));
        } catch (IOException e) {
            throw new IllegalStateException(
                    resource + " (built from " + document + ") cannot be read: " + e.getMessage(), e);
        }
    }

    /** The configured base URL, else the document's first server. */
    private static URI base(String name, OpenApiConfig.Service service, OpenApiCatalog catalog) {
        if (service.baseUrl().isPresent()) {
            return service.baseUrl().get();
        }
        URI uri = catalog.server() == null ? null : URI.create(catalog.server());
        if (uri == null || !uri.isAbsolute()) {
            throw new IllegalStateException("switchboard.openapi." + name + ".base-url is needed: the document names "
                    + (uri == null ? "no server" : "only the relative server URL " + catalog.server()));
        }
        return uri;
    }

    /** The scopes configured for OpenAPI tools, so the protected-resource metadata names them. */
    @Override
    public Set<String> scopes() {
        Set<String> scopes = new TreeSet<>();
        config.services()
                .values()
                .forEach(service -> scopes.addAll(service.scopes().orElse(List.of())));
        return scopes;
    }
}
