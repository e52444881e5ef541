package dev.switchboard.registry;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.classmate.TypeResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.Principal;
import dev.switchboard.api.ToolDefinition;
import dev.switchboard.api.ToolResult;
import dev.switchboard.security.Scopes;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every tool the server offers, sorted by name, with schemas generated once. Construction fails with a message
 * naming the classes involved when a tool is declared wrongly, so a broken tool stops start-up instead of a call.
 */
public final class ToolRegistry {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

    private final List<RegisteredTool> tools;
    private final List<ToolDescriptor> descriptors;
    private final List<RawValue> wire;
    private final Map<String, RegisteredTool> byName;
    private final boolean scoped;

    private ToolRegistry(List<RegisteredTool> tools) {
        this.tools = List.copyOf(tools);
        this.descriptors = this.tools.stream().map(RegisteredTool::descriptor).toList();
        this.wire = this.tools.stream().map(RegisteredTool::wire).toList();
        this.byName = new HashMap<>();
        this.tools.forEach(tool -> byName.put(tool.name(), tool));
        this.scoped = this.tools.stream().anyMatch(tool -> !tool.scopes().isEmpty());
    }

    /** A tool bean found by CDI: the bean class (not its proxy) and the instance to call. */
    public record DiscoveredTool(Class<?> beanClass, McpTool<?, ?> instance) {}

    /**
     * Builds the registry.
     *
     * @throws IllegalStateException when a tool lacks {@link ToolDefinition}, has an invalid or duplicate name, or
     *     uses argument or result types that cannot be described or bound
     */
    public static ToolRegistry build(List<DiscoveredTool> discovered, ObjectMapper mapper, Validator validator) {
        ToolSchemaGenerator schemas = new ToolSchemaGenerator(mapper);
        TypeResolver types = new TypeResolver();
        Map<String, Class<?>> owners = new HashMap<>();
        List<RegisteredTool> tools = new ArrayList<>(discovered.size());
        for (DiscoveredTool found : discovered) {
            Class<?> beanClass = found.beanClass();
            ToolDefinition definition = beanClass.getAnnotation(ToolDefinition.class);
            if (definition == null) {
                throw new IllegalStateException("Tool class " + beanClass.getName() + " implements McpTool but lacks @"
                        + ToolDefinition.class.getSimpleName());
            }
            String name = definition.name();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("Tool class " + beanClass.getName() + " has the invalid name '" + name
                        + "': use 1-128 characters of A-Z a-z 0-9 _ - .");
            }
            Class<?> previous = owners.putIfAbsent(name, beanClass);
            if (previous != null) {
                throw new IllegalStateException("Duplicate tool name '" + name + "' declared by " + previous.getName()
                        + " and " + beanClass.getName() + ": tool names must be unique");
            }
            tools.add(register(found, definition, schemas, types, mapper, validator));
        }
        tools.sort(Comparator.comparing(RegisteredTool::name));
        return new ToolRegistry(tools);
    }

    @SuppressWarnings("unchecked")
    private static RegisteredTool register(
            DiscoveredTool found,
            ToolDefinition definition,
            ToolSchemaGenerator schemas,
            TypeResolver types,
            ObjectMapper mapper,
            Validator validator) {
        Class<?> beanClass = found.beanClass();
        List<ResolvedType> parameters = types.resolve(beanClass).typeParametersFor(McpTool.class);
        if (parameters == null || parameters.size() != 2 || parameters.get(0).getErasedType() == Object.class) {
            throw new IllegalStateException("Tool class " + beanClass.getName()
                    + " must implement McpTool<Arguments, Result> with concrete types, e.g. McpTool<MyTool.Args,"
                    + " String>");
        }
        Class<?> argumentType = parameters.get(0).getErasedType();
        Class<?> resultType = parameters.get(1).getErasedType();
        ObjectNode inputSchema;
        if (JsonNode.class.isAssignableFrom(argumentType)) {
            inputSchema = writtenSchema(beanClass, definition, mapper);
        } else {
            requireReflection(beanClass, argumentType);
            inputSchema = schemas.schemaFor(argumentType);
        }
        if (!"object".equals(inputSchema.path("type").asText())) {
            throw new IllegalStateException("Tool class " + beanClass.getName() + ": the argument type "
                    + argumentType.getName() + " must be a record or class (a JSON object)");
        }
        ObjectNode outputSchema = null;
        if (resultType != String.class && resultType != ToolResult.class && resultType != Object.class) {
            requireReflection(beanClass, resultType);
            outputSchema = schemas.schemaFor(resultType);
            if (!"object".equals(outputSchema.path("type").asText())) {
                throw new IllegalStateException("Tool class " + beanClass.getName() + ": the structured result type "
                        + resultType.getName() + " must be a record or class (a JSON object); return String or"
                        + " ToolResult for other shapes");
            }
        }
        String title = definition.title().isEmpty() ? null : definition.title();
        ToolDescriptor descriptor = new ToolDescriptor(
                definition.name(),
                title,
                definition.description(),
                inputSchema,
                outputSchema,
                dev.switchboard.registry.Icons.of(definition.icons()),
                new ToolAnnotations(
                        title,
                        definition.readOnly(),
                        !definition.readOnly() && definition.destructive(),
                        definition.idempotent(),
                        definition.openWorld()));
        return new RegisteredTool(
                descriptor,
                beanClass,
                (McpTool<Object, Object>) found.instance(),
                new ArgumentBinder(definition.name(), argumentType, mapper, validator),
                mapper,
                definition.timeoutSeconds() > 0 ? java.time.Duration.ofSeconds(definition.timeoutSeconds()) : null,
                HeaderParam.of(definition.name(), inputSchema),
                Scopes.declaredBy(beanClass));
    }

    /** Raw-JSON tools state their schema themselves; it is sent exactly as written. */
    private static ObjectNode writtenSchema(Class<?> beanClass, ToolDefinition definition, ObjectMapper mapper) {
        if (definition.inputSchema().isBlank()) {
            throw new IllegalStateException("Tool class " + beanClass.getName()
                    + " takes raw JSON arguments, so its @ToolDefinition needs an inputSchema");
        }
        try {
            JsonNode schema = mapper.readTree(definition.inputSchema());
            if (schema instanceof ObjectNode object
                    && "object".equals(object.path("type").asText())) {
                return object;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // reported below
        }
        throw new IllegalStateException(
                "Tool class " + beanClass.getName() + ": inputSchema must be a JSON object with \"type\": \"object\"");
    }

    /** A native image keeps reflection data only for registered types; Jackson and victools need it. */
    private static void requireReflection(Class<?> beanClass, Class<?> type) {
        if (type.getPackageName().startsWith("java.")
                || type.isAnnotationPresent(RegisterForReflection.class)
                || (type.getEnclosingClass() != null
                        && type.getEnclosingClass().isAnnotationPresent(RegisterForReflection.class))) {
            return;
        }
        throw new IllegalStateException("Tool class " + beanClass.getName() + " uses " + type.getName()
                + ", which is not registered for reflection: annotate " + type.getSimpleName()
                + (type.getEnclosingClass() != null
                        ? " or " + type.getEnclosingClass().getSimpleName()
                        : "")
                + " with @RegisterForReflection so it works in a native image");
    }

    /** All tools, sorted by name. */
    public List<ToolDescriptor> descriptors() {
        return descriptors;
    }

    /**
     * The tools {@code principal} may see and call as {@code tools/list} sends them (serialised at start-up), sorted
     * by name: all of them, without a copy, in most cases.
     */
    public List<RawValue> wire(Principal principal) {
        if (!scoped || !principal.authenticated()) {
            return wire;
        }
        return tools.stream()
                .filter(tool -> principal.holds(tool.scopes()))
                .map(RegisteredTool::wire)
                .toList();
    }

    /** Every scope some tool requires. */
    public Set<String> scopes() {
        return Scopes.union(tools.stream().map(RegisteredTool::scopes));
    }

    public Optional<RegisteredTool> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public int size() {
        return tools.size();
    }
}
