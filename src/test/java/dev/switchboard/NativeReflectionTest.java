package dev.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpTool;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records that every type Jackson binds is registered for reflection, so it still (de)serialises in a native image,
 * where an unregistered record silently loses its accessors and an enum its {@code @JsonProperty} names.
 *
 * <p>Walks the compiled classes (target/classes) without starting the application and applies the same rules as
 * Quarkus: a type is registered when it carries {@link RegisterForReflection}, when an enclosing type does (unless
 * {@code ignoreNested}), when it is named in the {@code targets}/{@code classNames} of one, or when the reflection
 * configuration the build generates for the tools lists it.
 */
class NativeReflectionTest {

    /** Packages whose records are wire, SPI or provider DTOs unless listed in {@link #NOT_SERIALISED}. */
    private static final List<String> DTO_PACKAGES = List.of(
            "dev.switchboard.jsonrpc",
            "dev.switchboard.protocol",
            "dev.switchboard.api",
            "dev.switchboard.registry",
            "dev.switchboard.resource",
            "dev.switchboard.prompt",
            "dev.switchboard.agent",
            "dev.switchboard.task",
            "dev.switchboard.console",
            "dev.switchboard.builtin",
            "dev.switchboard.upstream",
            "dev.switchboard.skill",
            "dev.switchboard.view");

    private static final String DISPATCH =
            "dispatcher value passed between handlers; its JSON parts are registered types";
    private static final String REGISTRY = "registry bookkeeping built at start-up, never written as JSON";
    private static final String HAND_BUILT = "tool SPI value read from or written to JsonNode by hand in InputWire";
    private static final String TOOL_STATE = "in-process value of a built-in tool (cache key, ranking, id check)";

    /** Records in {@link #DTO_PACKAGES} that Jackson never sees, and why. */
    private static final Map<String, String> NOT_SERIALISED = Map.ofEntries(
            Map.entry("dev.switchboard.jsonrpc.JsonRpcPayload", "parser output wrapping already-parsed messages"),
            Map.entry("dev.switchboard.registry.MountedTool", "an upstream's tool and how to call it, held in process"),
            Map.entry("dev.switchboard.registry.ToolRegistry$Catalog", "the tools at one moment, held in process"),
            Map.entry("dev.switchboard.protocol.OfferedCapabilities$Shape", "a cache key, held in process"),
            Map.entry("dev.switchboard.upstream.UpstreamSession", "an upstream session id, stored as Stored"),
            Map.entry("dev.switchboard.upstream.UpstreamMounts$Mount", "one upstream's parts, held in process"),
            Map.entry("dev.switchboard.upstream.UpstreamHealth$Listed", "what an upstream listed, held in process"),
            Map.entry("dev.switchboard.resource.ResourceCatalog", "the resources at one moment, held in process"),
            Map.entry(
                    "dev.switchboard.prompt.MountedPrompt", "an upstream's prompt and how to get it, held in process"),
            Map.entry("dev.switchboard.prompt.PromptRegistry$Catalog", "the prompts at one moment, held in process"),
            Map.entry("dev.switchboard.upstream.StreamableHttpClient$Answer", "an answer read from a JSON tree"),
            Map.entry("dev.switchboard.task.TaskLeases$Held", "a task's name, written as a sorted-set member"),
            Map.entry("dev.switchboard.task.TaskCounts", "two counts the console copies into its own wire record"),
            Map.entry("dev.switchboard.console.ToolMetrics$Totals", "meter totals kept between two readings"),
            Map.entry("dev.switchboard.console.ToolMetrics$Sample", "one reading in the ring, written as ToolSeries"),
            Map.entry("dev.switchboard.protocol.tasks.TaskNegotiation$AsTask", DISPATCH),
            Map.entry("dev.switchboard.protocol.tasks.TaskSignals$Running", "a task running in this process"),
            Map.entry("dev.switchboard.task.RedisTaskStore$Stored", "the JSON text read with the task it holds"),
            Map.entry("dev.switchboard.jsonrpc.JsonRpcPayload$Valid", "parser output wrapping a parsed message"),
            Map.entry("dev.switchboard.jsonrpc.JsonRpcPayload$Invalid", "parser output carrying a JsonRpcError"),
            Map.entry("dev.switchboard.protocol.core.Caller", DISPATCH),
            Map.entry("dev.switchboard.protocol.EraCalls$Begun", "a call's control and input source, held in process"),
            Map.entry("dev.switchboard.protocol.core.InputAnswers", "only its Map is written (RequestStates)"),
            Map.entry("dev.switchboard.protocol.LifecycleHandler$Initialized", DISPATCH),
            Map.entry("dev.switchboard.protocol.notify.ListenStreams$Filter", DISPATCH),
            Map.entry("dev.switchboard.protocol.notify.ListenStreams$Listener", DISPATCH),
            Map.entry("dev.switchboard.protocol.McpReply$Accepted", DISPATCH),
            Map.entry("dev.switchboard.protocol.McpReply$Respond", "only its body is written, a registered type"),
            Map.entry("dev.switchboard.protocol.core.McpRequest", DISPATCH),
            Map.entry("dev.switchboard.protocol.core.Pagination$Page", DISPATCH),
            Map.entry("dev.switchboard.resource.ResourceRegistry$Fixed", REGISTRY),
            Map.entry("dev.switchboard.resource.ResourceRegistry$Template", REGISTRY),
            Map.entry("dev.switchboard.resource.ResourceRegistry$Resolved", REGISTRY),
            Map.entry("dev.switchboard.registry.HeaderParam", REGISTRY),
            Map.entry(
                    "dev.switchboard.api.ToolState$OpenedWorkspace",
                    "handed to the tool, which answers its own record"),
            Map.entry("dev.switchboard.api.Principal", "the caller's identity; stores keep only its id"),
            Map.entry("dev.switchboard.api.ElicitationResult", HAND_BUILT),
            Map.entry("dev.switchboard.api.SamplingResult", HAND_BUILT),
            Map.entry("dev.switchboard.api.Root", HAND_BUILT),
            Map.entry("dev.switchboard.api.InputRequest$Elicit", HAND_BUILT),
            Map.entry("dev.switchboard.api.InputRequest$ElicitUrl", HAND_BUILT),
            Map.entry("dev.switchboard.api.InputRequest$Sample", HAND_BUILT),
            Map.entry("dev.switchboard.api.InputRequest$ListRoots", HAND_BUILT),
            Map.entry("dev.switchboard.api.memory.MemoryScope", TOOL_STATE),
            Map.entry("dev.switchboard.builtin.memory.Memories$Recall", TOOL_STATE),
            Map.entry("dev.switchboard.builtin.memory.Memories$Stored", TOOL_STATE),
            Map.entry("dev.switchboard.builtin.memory.MemoryRanker$Match", TOOL_STATE),
            Map.entry("dev.switchboard.state.memory.InMemoryMemoryStore$Kept", TOOL_STATE),
            Map.entry("dev.switchboard.builtin.weather.Coordinates", TOOL_STATE),
            Map.entry("dev.switchboard.builtin.weather.WeatherQuery", TOOL_STATE),
            Map.entry("dev.switchboard.builtin.weather.openmeteo.PlaceMatcher$Query", TOOL_STATE));

    private static final String GENERATED = "META-INF/native-image/dev.switchboard/tools/reflect-config.json";

    private static List<Class<?>> classes;
    private static Set<Class<?>> registered;

    @BeforeAll
    static void scan() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(McpTool.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        classes = new ArrayList<>();
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(root::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.endsWith("-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace('/', '.')
                            .replace('\\', '.'))
                    .filter(name -> name.startsWith("dev.switchboard."))
                    .toList();
        }
        ClassLoader loader = NativeReflectionTest.class.getClassLoader();
        for (String name : names) {
            // Not initialised: the test reads declarations only, as the native build does.
            classes.add(Class.forName(name, false, loader));
        }
        registered = new HashSet<>();
        for (Class<?> type : classes) {
            RegisterForReflection annotation = type.getAnnotation(RegisterForReflection.class);
            if (annotation == null) {
                continue;
            }
            List<Class<?>> roots = new ArrayList<>(List.of(annotation.targets()));
            for (String className : annotation.classNames()) {
                roots.add(Class.forName(className, false, loader));
            }
            if (roots.isEmpty()) {
                roots.add(type);
            }
            for (Class<?> target : roots) {
                register(target, !annotation.ignoreNested());
            }
        }
        // The tools' argument and result types: registered by the configuration the build generates.
        JsonNode generated = new ObjectMapper().readTree(root.resolve(GENERATED).toFile());
        for (JsonNode entry : generated) {
            registered.add(Class.forName(entry.get("name").asText(), false, loader));
        }
    }

    private static void register(Class<?> type, boolean nested) {
        registered.add(type);
        if (nested) {
            for (Class<?> inner : type.getDeclaredClasses()) {
                register(inner, true);
            }
        }
    }

    @Test
    void everyDtoRecordIsRegistered() {
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : classes) {
            if (type.isRecord()
                    && inDtoPackage(type)
                    && !registered.contains(type)
                    && !NOT_SERIALISED.containsKey(type.getName())) {
                missing.add(type.getName());
            }
        }
        assertEquals(
                Set.of(),
                missing,
                "Records that Jackson may bind but a native image would not know: annotate them (or their"
                        + " enclosing type) with @RegisterForReflection, or list them in NOT_SERIALISED with the reason");
    }

    /** Jackson follows components: a registered record's record and enum parts must be registered as well. */
    @Test
    void everyPartOfARegisteredRecordIsRegistered() {
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : registered) {
            if (!type.isRecord()) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                for (Class<?> part : ownTypesIn(component.getGenericType())) {
                    if ((part.isRecord() || part.isEnum()) && !registered.contains(part)) {
                        missing.add(part.getName() + " (in " + type.getName() + "." + component.getName() + ")");
                    }
                }
            }
        }
        assertEquals(
                Set.of(),
                missing,
                "Types written or read as part of a registered record but not registered themselves (an enum"
                        + " would lose its @JsonProperty names): annotate them with @RegisterForReflection");
    }

    @Test
    void theAllowListIsCurrent() {
        Set<String> names = new HashSet<>();
        classes.forEach(type -> names.add(type.getName()));
        Set<String> stale = new TreeSet<>();
        for (String name : NOT_SERIALISED.keySet()) {
            if (!names.contains(name)) {
                stale.add(name + " (no longer exists)");
            } else if (registered.stream().anyMatch(type -> type.getName().equals(name))) {
                stale.add(name + " (is registered now)");
            }
        }
        assertEquals(Set.of(), stale, "Remove these entries from NOT_SERIALISED");
        assertTrue(classes.size() > 100, "the scan found the compiled classes: " + classes.size());
        assertTrue(registered.size() > 50, "the scan found the registered types: " + registered.size());
    }

    private static boolean inDtoPackage(Class<?> type) {
        String name = type.getPackageName();
        return DTO_PACKAGES.stream().anyMatch(root -> name.equals(root) || name.startsWith(root + "."));
    }

    /** The dev.switchboard classes a (generic) type mentions, e.g. both in {@code Map<String, List<Day>>}. */
    private static Set<Class<?>> ownTypesIn(Type type) {
        Set<Class<?>> found = new HashSet<>();
        collect(type, found);
        return found;
    }

    private static void collect(Type type, Set<Class<?>> found) {
        if (type instanceof Class<?> raw) {
            if (raw.isArray()) {
                collect(raw.getComponentType(), found);
            } else if (raw.getName().startsWith("dev.switchboard.")) {
                found.add(raw);
            }
        } else if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), found);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, found);
            }
        } else if (type instanceof GenericArrayType array) {
            collect(array.getGenericComponentType(), found);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                collect(bound, found);
            }
        }
    }
}
