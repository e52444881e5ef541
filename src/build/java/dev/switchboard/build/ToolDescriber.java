package dev.switchboard.build;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.classmate.TypeResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.TaskSupport;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.registry.GeneratedTool;
import dev.switchboard.registry.GeneratedTool.Role;
import dev.switchboard.registry.HeaderParam;
import dev.switchboard.registry.Icons;
import dev.switchboard.registry.ToolAnnotations;
import dev.switchboard.registry.ToolDescriptor;
import dev.switchboard.registry.ToolNames;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Describes the tools one class declares, as the registry file stores them: an {@link McpTool} class, and each
 * {@link Tool} method. Every mistake an author can make is a {@link BuildProblem} naming the class and method.
 */
final class ToolDescriber {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

    private final ToolSchemas schemas;
    private final TypeResolver types = new TypeResolver();

    ToolDescriber(ObjectMapper mapper) {
        this.schemas = new ToolSchemas(mapper);
    }

    /** The class's tools; empty when it declares none. */
    List<GeneratedTool> describe(Class<?> type) {
        List<GeneratedTool> found = new ArrayList<>();
        boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
        if (concrete && McpTool.class.isAssignableFrom(type)) {
            found.add(classTool(type));
        } else if (type.isAnnotationPresent(Tool.class)) {
            throw new BuildProblem("Class " + type.getName() + " has @Tool but does not implement McpTool: put @Tool on"
                    + " its methods, or implement McpTool<Arguments, Result> to make the class one tool");
        }
        Method[] methods = type.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            if (method.isAnnotationPresent(Tool.class)) {
                found.add(methodTool(type, method));
            }
        }
        if (!found.isEmpty()) {
            BeanChecks.requireBean(type, concrete, "tools");
        }
        return found;
    }

    /** The argument and result types of an {@link McpTool} class, or none when it does not name them. */
    static List<Class<?>> classToolTypes(Class<?> type) {
        List<ResolvedType> parameters = new TypeResolver().resolve(type).typeParametersFor(McpTool.class);
        return parameters == null
                ? List.of()
                : parameters.stream().<Class<?>>map(ResolvedType::getErasedType).toList();
    }

    private GeneratedTool classTool(Class<?> type) {
        Tool definition = type.getAnnotation(Tool.class);
        if (definition == null) {
            throw new BuildProblem(
                    "Tool class " + type.getName() + " implements McpTool but lacks @" + Tool.class.getSimpleName());
        }
        String where = "Tool class " + type.getName();
        if (definition.name().isEmpty()) {
            throw new BuildProblem(where + ": a tool class names its tool, @Tool(name = \"...\")");
        }
        if (!definition.blocking()) {
            throw new BuildProblem(where + ": a tool class says it does not block by overriding McpTool.blocking(),"
                    + " not with @Tool(blocking = false)");
        }
        checkName(where, definition.name());
        List<ResolvedType> parameters = types.resolve(type).typeParametersFor(McpTool.class);
        if (parameters == null || parameters.size() != 2 || parameters.get(0).getErasedType() == Object.class) {
            throw new BuildProblem(where + " must implement McpTool<Arguments, Result> with concrete types, e.g."
                    + " McpTool<MyTool.Args, String>");
        }
        Class<?> argumentType = parameters.get(0).getErasedType();
        ObjectNode inputSchema = JsonNode.class.isAssignableFrom(argumentType)
                ? schemas.written(where, definition.inputSchema())
                : schemas.object(where, "the argument type " + argumentType.getName(), argumentType);
        ToolSchemas.Output output = schemas.output(where, parameters.get(1).getErasedType());
        ToolDescriptor descriptor = descriptor(
                definition.name(),
                definition.title(),
                definition.description(),
                inputSchema,
                output.schema(),
                definition.icons(),
                definition.readOnly(),
                definition.destructive(),
                definition.idempotent(),
                definition.openWorld(),
                definition.taskSupport());
        checkHeaders(descriptor);
        return new GeneratedTool(
                descriptor,
                type.getName(),
                null,
                List.of(),
                argumentType.getName(),
                true,
                BeanChecks.conditional(type),
                definition.timeoutSeconds(),
                BeanChecks.scopes(type, null),
                output.wrapped(),
                ViewIndex.link(type));
    }

    private GeneratedTool methodTool(Class<?> type, Method method) {
        Tool tool = method.getAnnotation(Tool.class);
        String where = "Tool method " + type.getName() + "#" + method.getName();
        BeanChecks.requirePublic(where, type, method);
        String name = ToolNames.of(tool, method);
        checkName(where, name);
        if (!tool.inputSchema().isEmpty()) {
            throw new BuildProblem(where + ": @Tool(inputSchema) is for McpTool classes taking raw JSON; a method's"
                    + " parameters give its schema");
        }
        List<Parameter> arguments = Arrays.stream(method.getParameters())
                .filter(parameter -> parameter.getType() != ToolContext.class)
                .toList();
        boolean oneRecord = arguments.size() == 1
                && arguments.get(0).getType().isRecord()
                && ArgumentAnnotations.description(arguments.get(0)) == null;
        List<GeneratedTool.Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getType() == ToolContext.class) {
                parameters.add(new GeneratedTool.Parameter(parameter.getType().getName(), Role.CONTEXT, null));
            } else if (oneRecord) {
                parameters.add(new GeneratedTool.Parameter(parameter.getType().getName(), Role.ARGUMENTS, null));
            } else {
                if (!parameter.isNamePresent()) {
                    throw new BuildProblem(where + ": parameter names are missing from the class file; compile with"
                            + " -parameters (maven-compiler-plugin <parameters>true</parameters>)");
                }
                parameters.add(
                        new GeneratedTool.Parameter(parameter.getType().getName(), Role.ARGUMENT, parameter.getName()));
            }
        }
        ObjectNode inputSchema = oneRecord
                ? schemas.object(
                        where,
                        "the argument record " + arguments.get(0).getType().getName(),
                        arguments.get(0).getType())
                : schemas.parameters(where, arguments);
        ToolSchemas.Output output = schemas.output(where, method.getGenericReturnType());
        ToolDescriptor descriptor = descriptor(
                name,
                tool.title(),
                tool.description(),
                inputSchema,
                output.schema(),
                tool.icons(),
                tool.readOnly(),
                tool.destructive(),
                tool.idempotent(),
                tool.openWorld(),
                tool.taskSupport());
        checkHeaders(descriptor);
        return new GeneratedTool(
                descriptor,
                type.getName(),
                method.getName(),
                parameters,
                null,
                tool.blocking(),
                BeanChecks.conditional(type),
                tool.timeoutSeconds(),
                BeanChecks.scopes(type, method),
                output.wrapped(),
                ViewIndex.link(method));
    }

    private static ToolDescriptor descriptor(
            String name,
            String title,
            String description,
            ObjectNode inputSchema,
            ObjectNode outputSchema,
            String[] icons,
            boolean readOnly,
            boolean destructive,
            boolean idempotent,
            boolean openWorld,
            TaskSupport taskSupport) {
        String shownTitle = title.isEmpty() ? null : title;
        return new ToolDescriptor(
                name,
                shownTitle,
                description,
                inputSchema,
                outputSchema,
                Icons.of(icons),
                new ToolAnnotations(shownTitle, readOnly, !readOnly && destructive, idempotent, openWorld),
                taskSupport == TaskSupport.FORBIDDEN ? null : new ToolDescriptor.Execution(taskSupport.wire()));
    }

    private static void checkName(String where, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new BuildProblem(
                    where + " has the invalid name '" + name + "': use 1-128 characters of A-Z a-z 0-9 _ - .");
        }
    }

    private static void checkHeaders(ToolDescriptor descriptor) {
        try {
            HeaderParam.of(descriptor.name(), descriptor.inputSchema());
        } catch (IllegalStateException e) {
            throw new BuildProblem(e.getMessage());
        }
    }
}
