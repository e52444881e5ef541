package dev.switchboard.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.registry.ToolAnnotations;
import dev.switchboard.registry.ToolDescriptor;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The operations of one document as tools: one operation, one tool, named {@code <prefix><operationId>} (made valid
 * and unique), described by its summary and description, its parameters and JSON body gathered into one input schema,
 * its 2xx JSON answer as the output schema, annotations from its method.
 */
final class OperationTools {

    private static final Logger LOG = Logger.getLogger(OperationTools.class);
    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9_.\\-]");
    /** Larger output schemas are left out: tools/list would carry them for every client, every time. */
    private static final int MAX_OUTPUT_SCHEMA_CHARS = 64 * 1024;

    private final String service;
    private final ObjectMapper mapper;
    private final JsonSchemas schemas;

    OperationTools(String service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
        this.schemas = new JsonSchemas(mapper);
    }

    /** Every operation of the document as a tool, its name not yet prefixed. */
    List<OpenApiCatalog.Entry> entries(OpenAPI document) {
        List<OpenApiCatalog.Entry> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<SecurityRequirement> global = document.getSecurity();
        document.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String name = unique(name(operation.getOperationId(), method, path), names);
                    mapped(name, method.name(), path, item, operation, global).ifPresent(tools::add);
                }));
        return tools;
    }

    private Optional<OpenApiCatalog.Entry> mapped(
            String name,
            String method,
            String path,
            PathItem item,
            io.swagger.v3.oas.models.Operation operation,
            List<SecurityRequirement> global) {
        ObjectNode input = mapper.createObjectNode().put("type", "object");
        ObjectNode properties = input.putObject("properties");
        ArrayNode required = mapper.createArrayNode();
        List<Operation.Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : parameters(item, operation)) {
            String argument = properties.has(parameter.getName())
                    ? parameter.getName() + "_" + parameter.getIn()
                    : parameter.getName();
            ObjectNode schema = schemas.of(parameter.getSchema());
            if (parameter.getDescription() != null && !schema.has("description")) {
                schema.put("description", parameter.getDescription());
            }
            properties.set(argument, schema);
            if (Boolean.TRUE.equals(parameter.getRequired()) || "path".equals(parameter.getIn())) {
                required.add(argument);
            }
            parameters.add(new Operation.Parameter(
                    argument, parameter.getName(), parameter.getIn(), style(parameter), explode(parameter)));
        }
        String body = null;
        if (operation.getRequestBody() != null) {
            MediaType json = json(operation.getRequestBody().getContent());
            if (json == null) {
                LOG.warnf("OpenAPI service '%s': %s is left out: its request body is not JSON", service, name);
                return Optional.empty();
            }
            body = properties.has("body") ? "requestBody" : "body";
            ObjectNode schema = schemas.of(json.getSchema());
            if (!schema.has("description")) {
                schema.put(
                        "description",
                        operation.getRequestBody().getDescription() == null
                                ? "The request body (JSON)"
                                : operation.getRequestBody().getDescription());
            }
            properties.set(body, schema);
            if (Boolean.TRUE.equals(operation.getRequestBody().getRequired())) {
                required.add(body);
            }
        }
        if (!required.isEmpty()) {
            input.set("required", required);
        }
        ObjectNode output = output(operation);
        boolean wraps = output != null && !"object".equals(output.path("type").asText());
        if (wraps) {
            ObjectNode wrapper = mapper.createObjectNode().put("type", "object");
            wrapper.putObject("properties").set("result", output);
            wrapper.putArray("required").add("result");
            output = wrapper;
        }
        ToolDescriptor descriptor = new ToolDescriptor(
                name,
                operation.getSummary(),
                description(operation, method, path),
                input,
                output,
                null,
                annotations(method, operation.getSummary()),
                new ToolDescriptor.Execution("optional")); // a call may run as one of our tasks
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : global;
        return Optional.of(new OpenApiCatalog.Entry(
                operation.getOperationId(),
                operation.getTags() == null ? List.of() : List.copyOf(operation.getTags()),
                descriptor,
                new Operation(
                        method, path, List.copyOf(parameters), body, alternatives(security), output != null, wraps)));
    }

    /** Path-level parameters, overridden by the operation's own of the same name and location. */
    private static List<Parameter> parameters(PathItem item, io.swagger.v3.oas.models.Operation operation) {
        Map<String, Parameter> all = new LinkedHashMap<>();
        for (List<Parameter> level : Arrays.asList(item.getParameters(), operation.getParameters())) {
            if (level != null) {
                level.stream()
                        .filter(parameter -> parameter.getName() != null && parameter.getIn() != null)
                        .forEach(parameter -> all.put(parameter.getIn() + "\n" + parameter.getName(), parameter));
            }
        }
        return List.copyOf(all.values());
    }

    /** The first 2xx answer's JSON schema, or null (none, not JSON, or too large to list). */
    private ObjectNode output(io.swagger.v3.oas.models.Operation operation) {
        if (operation.getResponses() == null) {
            return null;
        }
        for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
            if (response.getKey().startsWith("2")) {
                MediaType json = json(response.getValue().getContent());
                if (json == null || json.getSchema() == null) {
                    return null;
                }
                ObjectNode schema = schemas.of(json.getSchema());
                return schema.toString().length() > MAX_OUTPUT_SCHEMA_CHARS ? null : schema;
            }
        }
        return null;
    }

    static MediaType json(Content content) {
        if (content == null) {
            return null;
        }
        for (Map.Entry<String, MediaType> type : content.entrySet()) {
            String name = type.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("application/json") || name.contains("+json")) {
                return type.getValue();
            }
        }
        return null;
    }

    private static String description(io.swagger.v3.oas.models.Operation operation, String method, String path) {
        String text = operation.getDescription() != null
                ? operation.getDescription()
                : operation.getSummary() != null ? operation.getSummary() : "";
        return (text.isBlank() ? "" : text.strip() + "\n\n") + method + " " + path;
    }

    /** GET and HEAD read and are idempotent; PUT and DELETE are idempotent; DELETE destroys; all reach another system. */
    private static ToolAnnotations annotations(String method, String title) {
        boolean reads = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        return new ToolAnnotations(
                title, reads, method.equals("DELETE"), reads || method.equals("PUT") || method.equals("DELETE"), true);
    }

    private static List<List<String>> alternatives(List<SecurityRequirement> security) {
        if (security == null) {
            return List.of();
        }
        return security.stream()
                .map(requirement -> List.copyOf(requirement.keySet()))
                .toList();
    }

    private static String style(Parameter parameter) {
        if (parameter.getStyle() != null) {
            return parameter.getStyle().toString();
        }
        return "query".equals(parameter.getIn()) || "cookie".equals(parameter.getIn()) ? "form" : "simple";
    }

    private static boolean explode(Parameter parameter) {
        return parameter.getExplode() != null ? parameter.getExplode() : "form".equals(style(parameter));
    }

    private static String name(String operationId, PathItem.HttpMethod method, String path) {
        String raw = operationId != null && !operationId.isBlank()
                ? operationId
                : method.name().toLowerCase(Locale.ROOT) + path;
        return INVALID.matcher(raw).replaceAll("_").replaceAll("^_+|_+$", "");
    }

    private static String unique(String name, Set<String> taken) {
        String base = name.length() > 120 ? name.substring(0, 120) : name;
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }
}
