package dev.switchboard.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ToolResult;
import dev.switchboard.registry.MountedTool;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.security.ScopeDeclarations;
import io.quarkus.runtime.StartupEvent;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private final OpenApiConfig config;
    private final ToolRegistry registry;
    private final ObjectMapper mapper;

    OpenApiMounts(OpenApiConfig config, ToolRegistry registry, ObjectMapper mapper) {
        this.config = config;
        this.registry = registry;
        this.mapper = mapper;
    }

    void start(@Observes StartupEvent event) {
        config.services().forEach(this::mount);
    }

    private void mount(String name, OpenApiConfig.Service service) {
        long started = System.nanoTime();
        OpenAPI document = OpenApiDocument.read(name, service.document());
        Map<String, Operation.Scheme> schemes = schemes(document);
        for (String scheme : service.credentials().keySet()) {
            if (!schemes.containsKey(scheme)) {
                throw new IllegalStateException("switchboard.openapi." + name + ".credentials." + scheme
                        + " names no security scheme of the document; it declares " + new TreeSet<>(schemes.keySet()));
            }
        }
        ServiceTarget target = new ServiceTarget(
                base(name, service, document),
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(service.timeout())
                        .build(),
                service.timeout(),
                service.maxResponseBytes(),
                new ServiceCredentials(schemes, service.credentials()));
        OperationFilter filter = new OperationFilter(
                service.include().orElse(List.of()), service.exclude().orElse(List.of()));
        Set<String> scopes = new HashSet<>(service.scopes().orElse(List.of()));
        List<MountedTool> tools = new OperationTools(name, filter, mapper)
                .tools(document, service.prefix().orElse(name + ".")).stream()
                        .map(mapped -> {
                            OperationCall call = new OperationCall(name, mapped.operation(), target, mapper);
                            com.fasterxml.jackson.databind.node.ObjectNode schema =
                                    mapped.descriptor().inputSchema();
                            // A second beyond the request's own timeout: a slow service is answered by that,
                            // naming the operation, rather than by the tool's deadline.
                            return new MountedTool(
                                    mapped.descriptor(),
                                    scopes,
                                    service.timeout().plusSeconds(1),
                                    (arguments, context) -> {
                                        JsonNode given = arguments != null && arguments.isObject()
                                                ? arguments
                                                : mapper.createObjectNode();
                                        List<String> problems = ArgumentCheck.problems(schema, given);
                                        return problems.isEmpty()
                                                ? call.call(given)
                                                : ToolResult.error("Invalid arguments: " + String.join("; ", problems));
                                    });
                        })
                        .toList();
        List<String> served = registry.mount("openapi '" + name + "'", tools);
        LOG.infof(
                "OpenAPI service '%s' (%s): serving %d tools, read in %d ms",
                name, target.shownBase(), served.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static Map<String, Operation.Scheme> schemes(OpenAPI document) {
        Map<String, Operation.Scheme> schemes = new HashMap<>();
        if (document.getComponents() != null && document.getComponents().getSecuritySchemes() != null) {
            document.getComponents().getSecuritySchemes().forEach((name, scheme) -> schemes.put(name, scheme(scheme)));
        }
        return schemes;
    }

    private static Operation.Scheme scheme(SecurityScheme scheme) {
        return new Operation.Scheme(
                scheme.getType() == null ? "" : scheme.getType().toString(),
                scheme.getScheme(),
                scheme.getIn() == null ? null : scheme.getIn().toString(),
                scheme.getName());
    }

    /** The configured base URL, else the document's first server (its variables at their defaults). */
    private static URI base(String name, OpenApiConfig.Service service, OpenAPI document) {
        if (service.baseUrl().isPresent()) {
            return service.baseUrl().get();
        }
        List<Server> servers = document.getServers();
        String url =
                servers == null || servers.isEmpty() ? null : servers.get(0).getUrl();
        if (url != null && servers.get(0).getVariables() != null) {
            for (var variable : servers.get(0).getVariables().entrySet()) {
                url = url.replace(
                        "{" + variable.getKey() + "}", variable.getValue().getDefault());
            }
        }
        URI uri = url == null ? null : URI.create(url);
        if (uri == null || !uri.isAbsolute()) {
            throw new IllegalStateException("switchboard.openapi." + name + ".base-url is needed: the document names "
                    + (uri == null ? "no server" : "only the relative server URL " + url));
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
