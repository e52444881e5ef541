package dev.switchboard.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import dev.switchboard.api.ToolResult;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The input and output schemas of a tool, from its argument parameters, argument record or written schema, and its
 * result type. Schemas come from victools ({@link SchemaFactory}); the rules of what a tool may take and return are
 * here, each mistake a {@link BuildProblem}.
 */
final class ToolSchemas {

    private final SchemaFactory factory;
    private final ObjectMapper mapper;

    ToolSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = new SchemaFactory(mapper);
    }

    /** One property per argument parameter, sharing one {@code $defs} for the types they reuse. */
    ObjectNode parameters(String where, List<Parameter> arguments) {
        SchemaBuilder builder = factory.several();
        Map<Parameter, ObjectNode> properties = new LinkedHashMap<>();
        for (Parameter parameter : arguments) {
            properties.put(parameter, builder.createSchemaReference(withoutOptional(parameter.getParameterizedType())));
        }
        ObjectNode definitions = builder.collectDefinitions("$defs");
        ObjectNode schema = mapper.createObjectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        List<String> required = new ArrayList<>();
        properties.forEach((parameter, property) -> {
            String description = ArgumentAnnotations.description(parameter);
            if (description != null) {
                property.put("description", description);
            }
            String header = ArgumentAnnotations.header(parameter);
            if (header != null) {
                property.put("x-mcp-header", header);
            }
            ParameterConstraints.apply(parameter, property);
            props.set(parameter.getName(), property);
            if (parameter.getType() != Optional.class && ParameterConstraints.required(parameter)) {
                required.add(parameter.getName());
            }
        });
        if (!required.isEmpty()) {
            required.forEach(schema.putArray("required")::add);
        }
        schema.put("additionalProperties", false);
        if (!definitions.isEmpty()) {
            schema.set("$defs", definitions);
        }
        return schema;
    }

    private static Type withoutOptional(Type type) {
        return type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class
                ? parameterized.getActualTypeArguments()[0]
                : type;
    }

    /** A tool's output schema (null when it has none), and whether results are wrapped as {@code {"result": ...}}. */
    record Output(ObjectNode schema, boolean wrapped) {}

    /** An object result is the structured content itself; any other value is wrapped as {@code {"result": ...}}. */
    Output output(String where, Type returned) {
        Class<?> raw = returned instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : returned instanceof Class<?> type ? type : Object.class;
        if (raw == void.class
                || raw == Void.class
                || raw == String.class
                || raw == ToolResult.class
                || raw == Object.class) {
            return new Output(null, false);
        }
        if (CompletionStage.class.isAssignableFrom(raw) || raw.getName().startsWith("io.smallrye.mutiny.")) {
            throw new BuildProblem(where + " returns " + raw.getSimpleName() + ": return the result itself (the tool"
                    + " runs on a worker thread and may block)");
        }
        ObjectNode schema = factory.schemaFor(returned);
        if ("object".equals(schema.path("type").asText())) {
            return new Output(schema, false);
        }
        ObjectNode wrapper = mapper.createObjectNode().put("type", "object");
        JsonNode definitions = schema.remove("$defs");
        wrapper.putObject("properties").set("result", schema);
        wrapper.putArray("required").add("result");
        wrapper.put("additionalProperties", false);
        if (definitions != null) {
            wrapper.set("$defs", definitions);
        }
        return new Output(wrapper, true);
    }

    /** The schema of an argument type, which must be a JSON object. */
    ObjectNode object(String where, String what, Class<?> type) {
        ObjectNode schema = factory.schemaFor(type);
        if (!"object".equals(schema.path("type").asText())) {
            throw new BuildProblem(where + ": " + what + " must be a record or class (a JSON object)");
        }
        return schema;
    }

    /** Raw-JSON tools state their schema themselves; it is sent exactly as written. */
    ObjectNode written(String where, String written) {
        if (written.isBlank()) {
            throw new BuildProblem(where + " takes raw JSON arguments, so its @Tool needs an inputSchema");
        }
        try {
            if (mapper.readTree(written) instanceof ObjectNode object
                    && "object".equals(object.path("type").asText())) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new BuildProblem(where + ": inputSchema must be a JSON object with \"type\": \"object\"");
    }
}
