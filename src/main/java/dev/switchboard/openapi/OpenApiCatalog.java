package dev.switchboard.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.registry.ToolDescriptor;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service's document gives: every operation as a tool (names not yet prefixed, nothing filtered yet), its
 * security schemes and its first server URL. Made from the parsed document at start-up, or, for a document shipped in
 * {@code src/main/resources/openapi/}, at build time ({@code META-INF/switchboard/openapi/<file>.json}), so such a
 * service starts without parsing.
 *
 * @param server the document's first server URL, its variables at their defaults; null when it names none
 */
@RegisterForReflection
public record OpenApiCatalog(String server, Map<String, Operation.Scheme> schemes, List<Entry> entries) {

    /** Where a catalog built from a document on the class path is written, relative to the classes. */
    public static final String BUILT = "META-INF/switchboard/openapi/";

    /** One operation as a tool, with what the filters match: its operationId and tags. */
    @RegisterForReflection
    public record Entry(String operationId, List<String> tags, ToolDescriptor descriptor, Operation operation) {}

    /** The catalog of a parsed document. */
    public static OpenApiCatalog of(String service, OpenAPI document, ObjectMapper mapper) {
        Map<String, Operation.Scheme> schemes = new HashMap<>();
        if (document.getComponents() != null && document.getComponents().getSecuritySchemes() != null) {
            document.getComponents().getSecuritySchemes().forEach((name, scheme) -> schemes.put(name, scheme(scheme)));
        }
        return new OpenApiCatalog(server(document), schemes, new OperationTools(service, mapper).entries(document));
    }

    /** Reads a document (a file) and writes its catalog: the build step for documents shipped with the application. */
    public static String build(String file, ObjectMapper mapper) throws IOException {
        return mapper.writeValueAsString(of(file, OpenApiDocument.read(file, file), mapper));
    }

    private static Operation.Scheme scheme(SecurityScheme scheme) {
        return new Operation.Scheme(
                scheme.getType() == null ? "" : scheme.getType().toString(),
                scheme.getScheme(),
                scheme.getIn() == null ? null : scheme.getIn().toString(),
                scheme.getName());
    }

    private static String server(OpenAPI document) {
        List<Server> servers = document.getServers();
        String url =
                servers == null || servers.isEmpty() ? null : servers.get(0).getUrl();
        if (url != null && servers.get(0).getVariables() != null) {
            for (var variable : servers.get(0).getVariables().entrySet()) {
                url = url.replace(
                        "{" + variable.getKey() + "}", variable.getValue().getDefault());
            }
        }
        return url;
    }
}
