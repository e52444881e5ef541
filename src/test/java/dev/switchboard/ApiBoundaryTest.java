package dev.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.Tool;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The author API stands alone, and the built-in tools are written with it: what a tool author sees is what the
 * shipped tools use. Checked on the compiled application classes with ArchUnit.
 */
class ApiBoundaryTest {

    private static final String BASE = "dev.switchboard.";
    private static final String API = "dev.switchboard.api";
    private static final String BUILTIN = "dev.switchboard.builtin";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchboard");
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
