package dev.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.Tool;
import dev.switchboard.protocol.CalledTools;
import dev.switchboard.protocol.tasks.TaskRunner;
import dev.switchboard.registry.ToolRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules, checked on the compiled application classes with ArchUnit: the package graph has no cycle (data and
 * calls flow one way, see docs/architecture.md); the author API stands alone; the built-in tools are written with it
 * only, so what a tool author sees is what the shipped tools use; the platform never depends on a built-in tool; and
 * no source file grows past 300 lines.
 */
class ArchitectureTest {

    private static final String BASE = "dev.switchboard.";
    private static final String API = "dev.switchboard.api";
    private static final String BUILTIN = "dev.switchboard.builtin";
    /** The protocol package and its sub-packages (core, input, notify, tasks). */
    private static final String PROTOCOL = "dev.switchboard.protocol..";

    private static final Path DIAGRAM = Path.of("docs/architecture.md");
    private static final int MAX_LINES = 300;
    private static final Pattern LAYER_LINE = Pattern.compile("layer (\\d+)\\s+(.+)");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchboard");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching(BASE + "(**)")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .because("a package that imports another never is imported back by it, directly or around a loop")
                .check(classes);
    }

    @Test
    void aRequestsToolIsLookedUpOnceByCalledTools() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(CalledTools.class.getName())
                .and()
                .resideOutsideOfPackage(BASE + "registry..")
                .should()
                .accessTargetWhere(DescribedPredicate.describe(
                        "ToolRegistry.find or contains (called or referenced)",
                        (JavaAccess<?> access) -> access.getTargetOwner().isEquivalentTo(ToolRegistry.class)
                                && Set.of("find", "contains").contains(access.getName())))
                .because(
                        "the tool a request calls is found once, where its era reads it (CalledTools), and travels with"
                                + " it (McpRequest.tool) to the access log, tools_used and the call")
                .check(classes);
    }

    @Test
    void noProtocolClassTakesMoreThanTenCollaborators() {
        Set<String> crowded = new TreeSet<>();
        JavaClasses protocol = classes.that(JavaClass.Predicates.resideInAPackage(PROTOCOL));
        for (JavaClass type : protocol) {
            type.getConstructors().stream()
                    .filter(constructor -> constructor.getRawParameterTypes().size() > 10)
                    .forEach(constructor -> crowded.add(type.getName() + " takes "
                            + constructor.getRawParameterTypes().size()));
        }
        // TaskRunner (10 collaborators, at the cap) stands in a sub-package: the rule must see it.
        assertTrue(protocol.contain(TaskRunner.class), "protocol's sub-packages are checked too");
        assertTrue(crowded.isEmpty(), "Split these classes by concern (at most 10 constructor parameters): " + crowded);
    }

    @Test
    void importsFollowTheLayersOfTheArchitectureDiagram() throws IOException {
        Map<String, Integer> layers = diagramLayers();
        Set<String> unplaced = new TreeSet<>();
        Set<String> upOrSideways = new TreeSet<>();
        for (JavaClass type : classes) {
            String from = relative(type.getPackageName());
            if (from.isEmpty() || from.startsWith("builtin")) {
                continue;
            }
            if (!layers.containsKey(from)) {
                unplaced.add(from);
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = relative(dependency.getTargetClass().getPackageName());
                if (to.isEmpty() || to.equals(from) || !layers.containsKey(to)) {
                    continue;
                }
                if (layers.get(to) >= layers.get(from)) {
                    upOrSideways.add(from + " (layer " + layers.get(from) + ") -> " + to + " (layer " + layers.get(to)
                            + "): " + outer(type) + " uses " + outer(dependency.getTargetClass()));
                }
            }
        }
        assertEquals(Set.of(), unplaced, "packages missing from the layer lines of " + DIAGRAM);
        assertEquals(Set.of(), upOrSideways, "imports against the layers of " + DIAGRAM);
    }

    /** The {@code layer N  pkg pkg ...} lines of the architecture document: package (relative) to layer number. */
    private static Map<String, Integer> diagramLayers() throws IOException {
        Map<String, Integer> layers = new TreeMap<>();
        for (String line : Files.readAllLines(DIAGRAM)) {
            Matcher layer = LAYER_LINE.matcher(line);
            if (layer.matches()) {
                for (String pkg : layer.group(2).trim().split("\\s+")) {
                    assertEquals(null, layers.put(pkg, Integer.parseInt(layer.group(1))), pkg + " is on two layers");
                }
            }
        }
        assertTrue(layers.size() >= 10, "the layer lines of " + DIAGRAM + " were found: " + layers);
        return layers;
    }

    private static String relative(String packageName) {
        return packageName.startsWith(BASE) ? packageName.substring(BASE.length()) : "";
    }

    @Test
    void noSourceFileOutgrowsOneJob() throws IOException {
        Map<String, Long> tooLong = new TreeMap<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/build/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    long lines;
                    try (Stream<String> text = Files.lines(file)) {
                        lines = text.count();
                    }
                    if (lines > MAX_LINES) {
                        tooLong.put(file.toString(), lines);
                    }
                }
            }
        }
        assertEquals(Map.of(), tooLong, "source files over " + MAX_LINES + " lines: split them by job");
    }

    @Test
    void thePlatformNeverDependsOnABuiltInTool() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BUILTIN + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BUILTIN + "..")
                .because("built-in tools are plugged in like any author's tool and can be removed")
                .check(classes);
    }

    @Test
    void theApiDependsOnNothingInternal() {
        assertEquals(Map.of(), internalDependencies(API), "dev.switchboard.api must stand alone");
    }

    @Test
    void builtInToolsUseOnlyTheApi() {
        assertEquals(Map.of(), internalDependencies(BUILTIN), "a built-in class imports an internal package");
        assertTrue(toolClasses().size() >= 6, "the tool classes were found: " + toolClasses());
    }

    /** Classes of {@code root} (with nested classes under their outer class) and the internal classes they use. */
    private static Map<String, Set<String>> internalDependencies(String root) {
        Map<String, Set<String>> found = new TreeMap<>();
        for (JavaClass type : classes) {
            if (!type.getPackageName().startsWith(root)) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                String name = target.getName();
                if (name.startsWith(BASE)
                        && !target.getPackageName().startsWith(API)
                        && !target.getPackageName().startsWith(BUILTIN)) {
                    found.computeIfAbsent(outer(type), key -> new TreeSet<>()).add(outer(target));
                }
            }
        }
        return found;
    }

    /** The classes that declare tools: {@code @Tool} methods or {@code McpTool} implementations. */
    private static Set<String> toolClasses() {
        Set<String> tools = new TreeSet<>();
        for (JavaClass type : classes) {
            boolean declares = type.isAssignableTo(McpTool.class)
                    || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(Tool.class));
            if (declares && type.getPackageName().startsWith(BUILTIN)) {
                tools.add(outer(type));
            }
        }
        return tools;
    }

    private static String outer(JavaClass type) {
        return type.getName().contains("$")
                ? type.getName().substring(0, type.getName().indexOf('$'))
                : type.getName();
    }
}
