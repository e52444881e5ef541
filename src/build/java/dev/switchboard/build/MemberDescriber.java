package dev.switchboard.build;

import dev.switchboard.api.McpPrompt;
import dev.switchboard.api.McpResource;
import dev.switchboard.api.McpResourceTemplate;
import dev.switchboard.api.Prompt;
import dev.switchboard.api.PromptArgument;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.PromptResult;
import dev.switchboard.api.Resource;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceTemplate;
import dev.switchboard.prompt.GeneratedPrompt;
import dev.switchboard.prompt.PromptDescriptor;
import dev.switchboard.registry.GeneratedMethod;
import dev.switchboard.registry.GeneratedTool;
import dev.switchboard.registry.GeneratedTool.Role;
import dev.switchboard.registry.Icons;
import dev.switchboard.resource.GeneratedResource;
import dev.switchboard.resource.GeneratedResourceTemplate;
import dev.switchboard.resource.ResourceDescriptor;
import dev.switchboard.resource.ResourceTemplateDescriptor;
import dev.switchboard.resource.UriTemplate;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Describes the {@link Resource}, {@link ResourceTemplate} and {@link Prompt} methods of one class, as the registry
 * files store them, and checks the same annotations on the classes that implement {@link McpResource},
 * {@link McpResourceTemplate} and {@link McpPrompt} (which start-up finds as beans). Every mistake is a
 * {@link BuildProblem} naming the class and method.
 */
final class MemberDescriber {

    /** What one class declares. */
    record Members(
            List<GeneratedResource> resources,
            List<GeneratedResourceTemplate> templates,
            List<GeneratedPrompt> prompts,
            List<Method> methods) {}

    Members describe(Class<?> type) {
        boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
        checkClass(type, concrete, Resource.class, McpResource.class, Resource::name);
        checkClass(type, concrete, ResourceTemplate.class, McpResourceTemplate.class, ResourceTemplate::name);
        checkClass(type, concrete, Prompt.class, McpPrompt.class, Prompt::name);
        List<GeneratedResource> resources = new ArrayList<>();
        List<GeneratedResourceTemplate> templates = new ArrayList<>();
        List<GeneratedPrompt> prompts = new ArrayList<>();
        List<Method> methods = new ArrayList<>();
        Method[] declared = type.getDeclaredMethods();
        Arrays.sort(declared, Comparator.comparing(Method::getName));
        for (Method method : declared) {
            if (Stream.of(Resource.class, ResourceTemplate.class, Prompt.class)
                            .filter(method::isAnnotationPresent)
                            .count()
                    > 1) {
                throw new BuildProblem("Method " + type.getName() + "#" + method.getName()
                        + " carries more than one of @Resource, @ResourceTemplate and @Prompt");
            }
            if (method.isAnnotationPresent(Resource.class)) {
                resources.add(resource(type, method));
            } else if (method.isAnnotationPresent(ResourceTemplate.class)) {
                templates.add(template(type, method));
            } else if (method.isAnnotationPresent(Prompt.class)) {
                prompts.add(prompt(type, method));
            } else {
                continue;
            }
            methods.add(method);
        }
        if (!methods.isEmpty()) {
            BeanChecks.requireBean(type, concrete, "resources or prompts");
        }
        return new Members(resources, templates, prompts, methods);
    }

    private GeneratedResource resource(Class<?> type, Method method) {
        Resource resource = method.getAnnotation(Resource.class);
        String where = "Resource method " + type.getName() + "#" + method.getName();
        try {
            if (!new URI(resource.uri()).isAbsolute()) {
                throw new URISyntaxException(resource.uri(), "no scheme");
            }
        } catch (URISyntaxException e) {
            throw new BuildProblem(
                    where + " has the invalid URI '" + resource.uri() + "': give an absolute URI, e.g. app://notes");
        }
        GeneratedMethod generated = method(where, type, method, ResourceContext.class, ResourceContents.class, false);
        return new GeneratedResource(
                new ResourceDescriptor(
                        resource.uri(),
                        named(resource.name(), method),
                        blank(resource.title()),
                        blank(resource.description()),
                        blank(resource.mimeType()),
                        Icons.of(resource.icons())),
                resource.sessionScoped(),
                generated);
    }

    private GeneratedResourceTemplate template(Class<?> type, Method method) {
        ResourceTemplate template = method.getAnnotation(ResourceTemplate.class);
        String where = "Resource template method " + type.getName() + "#" + method.getName();
        List<String> variables;
        try {
            variables = new UriTemplate(template.uriTemplate()).variables();
        } catch (IllegalArgumentException e) {
            throw new BuildProblem(where + ": " + e.getMessage());
        }
        GeneratedMethod generated = method(where, type, method, ResourceContext.class, ResourceContents.class, true);
        for (String name : generated.argumentNames()) {
            if (!variables.contains(name)) {
                throw new BuildProblem(where + ": parameter '" + name + "' is not a variable of '"
                        + template.uriTemplate() + "' (its variables: " + String.join(", ", variables) + ")");
            }
        }
        return new GeneratedResourceTemplate(
                new ResourceTemplateDescriptor(
                        template.uriTemplate(),
                        named(template.name(), method),
                        blank(template.title()),
                        blank(template.description()),
                        blank(template.mimeType()),
                        Icons.of(template.icons())),
                generated);
    }

    private GeneratedPrompt prompt(Class<?> type, Method method) {
        Prompt prompt = method.getAnnotation(Prompt.class);
        String where = "Prompt method " + type.getName() + "#" + method.getName();
        GeneratedMethod generated = method(where, type, method, PromptContext.class, PromptResult.class, true);
        List<PromptArgument> arguments = Arrays.stream(method.getParameters())
                .filter(parameter -> parameter.getType() == String.class)
                .map(parameter -> new PromptArgument(
                        parameter.getName(),
                        ArgumentAnnotations.description(parameter),
                        ParameterConstraints.required(parameter)))
                .toList();
        return new GeneratedPrompt(
                new PromptDescriptor(
                        named(prompt.name(), method),
                        blank(prompt.title()),
                        prompt.description(),
                        arguments.isEmpty() ? null : arguments,
                        Icons.of(prompt.icons())),
                generated);
    }

    /**
     * The method's parameters (its context type, and named {@code String}s when {@code takesArguments}) and return
     * type ({@code result} or {@code String}).
     */
    private static GeneratedMethod method(
            String where, Class<?> type, Method method, Class<?> context, Class<?> result, boolean takesArguments) {
        BeanChecks.requirePublic(where, type, method);
        if (method.getReturnType() != result && method.getReturnType() != String.class) {
            throw new BuildProblem(
                    where + " must return " + result.getSimpleName() + " or String, not " + method.getReturnType());
        }
        List<GeneratedTool.Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getType() == context) {
                parameters.add(new GeneratedTool.Parameter(context.getName(), Role.CONTEXT, null));
            } else if (takesArguments && parameter.getType() == String.class) {
                if (!parameter.isNamePresent()) {
                    throw new BuildProblem(where + ": parameter names are missing from the class file; compile with"
                            + " -parameters (maven-compiler-plugin <parameters>true</parameters>)");
                }
                parameters.add(new GeneratedTool.Parameter(String.class.getName(), Role.ARGUMENT, parameter.getName()));
            } else {
                throw new BuildProblem(where + ": parameter '" + parameter.getName() + "' of type "
                        + parameter.getType().getSimpleName() + " cannot be bound; it may take a "
                        + context.getSimpleName() + (takesArguments ? " and String arguments" : ""));
            }
        }
        return new GeneratedMethod(
                type.getName(),
                method.getName(),
                parameters,
                BeanChecks.conditional(type),
                BeanChecks.scopes(type, method));
    }

    /** A class implementing one of the interfaces carries its annotation with a name, and only then. */
    private static <A extends Annotation> void checkClass(
            Class<?> type, boolean concrete, Class<A> annotation, Class<?> contract, Function<A, String> name) {
        A declared = type.getAnnotation(annotation);
        boolean implementing = concrete && contract.isAssignableFrom(type);
        String what = "@" + annotation.getSimpleName();
        if (declared != null && !implementing) {
            throw new BuildProblem("Class " + type.getName() + " has " + what + " but does not implement "
                    + contract.getSimpleName() + ": put " + what + " on its methods, or implement "
                    + contract.getSimpleName() + " to make the class one");
        }
        if (declared != null && name.apply(declared).isEmpty()) {
            throw new BuildProblem(contract.getSimpleName() + " class " + type.getName() + " must give its name: "
                    + what + "(name = \"...\")");
        }
    }

    private static String named(String name, Method method) {
        return name.isEmpty() ? method.getName() : name;
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }
}
