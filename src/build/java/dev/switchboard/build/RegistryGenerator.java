package dev.switchboard.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.Tool;
import dev.switchboard.prompt.GeneratedPrompt;
import dev.switchboard.registry.GeneratedTool;
import dev.switchboard.resource.GeneratedResource;
import dev.switchboard.resource.GeneratedResourceTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build step that makes the registry (Maven runs it after compiling; see pom.xml): it loads the compiled classes
 * of one directory, describes every tool, resource and prompt method they declare, and writes
 * {@code META-INF/switchboard/*.json} and the native-image reflection configuration next to them. Start-up only reads
 * the registry; nothing scans the class path or generates a schema at run time.
 *
 * <p>Usage: {@code RegistryGenerator <classes directory> [package ...]}, with the directory and its dependencies on
 * the class path. Given packages, only their classes are described (the test classes hold deliberately broken tools
 * besides the ones the tests serve).
 */
public final class RegistryGenerator {

    static final String REFLECTION_CONFIG = "META-INF/native-image/dev.switchboard/tools/reflect-config.json";

    private final ObjectMapper mapper = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private final ToolDescriber describer = new ToolDescriber(mapper);
    private final MemberDescriber memberDescriber = new MemberDescriber();

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("Usage: RegistryGenerator <classes directory> [package ...]");
            System.exit(2);
        }
        long start = System.nanoTime();
        Path classes = Path.of(args[0]);
        try {
            String written =
                    new RegistryGenerator().write(classes, List.of(args).subList(1, args.length));
            System.out.printf(
                    "[INFO] Switchboard registry: %s in %s (%d ms)%n",
                    written, classes.resolve("META-INF/switchboard"), (System.nanoTime() - start) / 1_000_000);
        } catch (BuildProblem e) {
            System.err.println("[ERROR] " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Describes the tools, resources and prompts of the classes in {@code classes} (in {@code packages} and their
     * subpackages, or all when none is given), writes the registry files and the reflection configuration, and answers
     * how many of each it found.
     */
    String write(Path classes, List<String> packages) throws IOException {
        List<Class<?>> types = load(classes).stream()
                .filter(type -> packages.isEmpty()
                        || packages.stream().anyMatch(name -> type.getName().startsWith(name + ".")))
                .toList();
        List<GeneratedTool> tools = describe(types);
        ReflectionConfig reflection = new ReflectionConfig(mapper);
        List<GeneratedResource> resources = new ArrayList<>();
        List<GeneratedResourceTemplate> templates = new ArrayList<>();
        List<GeneratedPrompt> prompts = new ArrayList<>();
        for (Class<?> type : types) {
            MemberDescriber.Members members = memberDescriber.describe(type);
            resources.addAll(members.resources());
            templates.addAll(members.templates());
            prompts.addAll(members.prompts());
            members.methods().forEach(reflection::method);
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Tool.class)) {
                    reflection.method(method);
                }
            }
            if (McpTool.class.isAssignableFrom(type)) {
                ToolDescriber.classToolTypes(type).forEach(reflection::bound);
            }
        }
        writeJson(classes.resolve(GeneratedTool.LOCATION), tools);
        writeJson(classes.resolve(GeneratedResource.LOCATION), resources);
        writeJson(classes.resolve(GeneratedResourceTemplate.LOCATION), templates);
        writeJson(classes.resolve(GeneratedPrompt.LOCATION), prompts);
        writeJson(classes.resolve(REFLECTION_CONFIG), reflection.toJson());
        int documents = openApiCatalogs(classes);
        int skills = new SkillIndex(mapper).write(classes);
        int views = new ViewIndex(mapper).write(classes, types);
        return String.format(
                "%d tools, %d resource methods, %d resource template methods, %d prompt methods, %d OpenAPI documents,"
                        + " %d skills, %d views",
                tools.size(), resources.size(), templates.size(), prompts.size(), documents, skills, views);
    }

    /**
     * The OpenAPI documents shipped with the application ({@code openapi/*.yaml|yml|json} on the class path), read and
     * turned into tool catalogs now, so a service configured with {@code classpath:openapi/<file>} starts without
     * parsing; a document that cannot be used fails the build, naming it.
     */
    private int openApiCatalogs(Path classes) throws IOException {
        Path documents = classes.resolve("openapi");
        if (!Files.isDirectory(documents)) {
            return 0;
        }
        List<Path> files;
        try (var listed = Files.list(documents)) {
            files = listed.filter(file -> file.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted()
                    .toList();
        }
        Path out = classes.resolve(dev.switchboard.openapi.OpenApiCatalog.BUILT);
        Files.createDirectories(out);
        for (Path file : files) {
            try {
                Files.writeString(
                        out.resolve(file.getFileName() + ".json"),
                        dev.switchboard.openapi.OpenApiCatalog.build(file.toString(), mapper));
            } catch (IllegalStateException e) {
                throw new BuildProblem("openapi/" + file.getFileName() + ": " + e.getMessage());
            }
        }
        return files.size();
    }

    /** The tools of {@code types}, sorted by name; fails on a name declared twice. */
    public List<GeneratedTool> describe(List<Class<?>> types) {
        List<GeneratedTool> tools = new ArrayList<>();
        for (Class<?> type : types) {
            tools.addAll(describer.describe(type));
        }
        tools.sort(Comparator.comparing(tool -> tool.descriptor().name()));
        for (int i = 1; i < tools.size(); i++) {
            if (tools.get(i)
                    .descriptor()
                    .name()
                    .equals(tools.get(i - 1).descriptor().name())) {
                throw new BuildProblem("Duplicate tool name '"
                        + tools.get(i).descriptor().name() + "' declared by "
                        + tools.get(i - 1).beanClass() + " and " + tools.get(i).beanClass()
                        + ": tool names must be unique");
            }
        }
        return tools;
    }

    private static List<Class<?>> load(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString())
                    .filter(name -> !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
                    .sorted()
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '.'))
                    .map(RegistryGenerator::loadClass)
                    .filter(type -> type != null)
                    .<Class<?>>map(type -> type)
                    .toList();
        }
    }

    /** Loads without initialising; a class whose dependencies are absent cannot declare a usable tool. */
    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name, false, loader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static ClassLoader loader() {
        return RegistryGenerator.class.getClassLoader();
    }

    private void writeJson(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            mapper.writeValue(file.toFile(), value);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
