package dev.switchboard.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.switchboard.api.Principal;
import dev.switchboard.security.ScopeDeclarations;
import dev.switchboard.security.Scopes;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every tool the server offers, sorted by name, as the build described them ({@link GeneratedTool}) and bound to
 * their beans at start-up. Loading fails with a message naming the class when the registry and the classes disagree,
 * so a stale build stops start-up instead of a call.
 */
public final class ToolRegistry implements ScopeDeclarations {

    /** The tools at one moment, with what every request reads precomputed; replaced whole when a mount changes. */
    private record Catalog(
            List<RegisteredTool> tools,
            List<ToolDescriptor> descriptors,
            List<List<RawValue>> wire,
            Map<String, RegisteredTool> byName,
            boolean scoped,
            boolean views) {

        static Catalog of(List<RegisteredTool> tools) {
            Map<String, RegisteredTool> byName = new HashMap<>();
            tools.forEach(tool -> byName.put(tool.name(), tool));
            List<List<RawValue>> wire = new ArrayList<>();
            for (boolean withViews : new boolean[] {false, true}) {
                for (boolean withTasks : new boolean[] {false, true}) {
                    wire.add(tools.stream()
                            .filter(tool -> withViews || !tool.appOnly())
                            .map(tool -> tool.wire(withTasks, withViews))
                            .toList());
                }
            }
            return new Catalog(
                    List.copyOf(tools),
                    tools.stream().map(RegisteredTool::descriptor).toList(),
                    List.copyOf(wire),
                    byName,
                    tools.stream().anyMatch(tool -> !tool.scopes().isEmpty()),
                    tools.stream().anyMatch(tool -> tool.view().isPresent()));
        }
    }

    /** The tools of this application's beans, fixed at start-up. */
    private final List<RegisteredTool> built;

    private final ObjectMapper mapper;
    /** Tools of other sources (upstream servers) by source, in mount order. */
    private final Map<String, List<RegisteredTool>> mounts = new LinkedHashMap<>();

    private volatile Catalog catalog;
    private volatile boolean mayChange;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private ToolRegistry(List<RegisteredTool> built, ObjectMapper mapper) {
        this.built = List.copyOf(built);
        this.mapper = mapper;
        this.catalog = Catalog.of(this.built);
    }

    /**
     * Serves {@code tools} as the tools of {@code source} from now on, replacing what it mounted before (none: it
     * unmounts). A tool whose name another source (or a bean) already serves is left out with a warning.
     *
     * @return the names served for {@code source}
     */
    public synchronized List<String> mount(String source, List<MountedTool> tools) {
        mounts.remove(source);
        Set<String> taken = new HashSet<>();
        built.forEach(tool -> taken.add(tool.name()));
        mounts.values().forEach(list -> list.forEach(tool -> taken.add(tool.name())));
        List<RegisteredTool> registered =
                SourceClaims.unclaimed(
                                source, "tool", tools, tool -> tool.descriptor().name(), taken)
                        .stream()
                        .map(tool -> RegisteredTool.mounted(tool, mapper))
                        .toList();
        if (!registered.isEmpty()) {
            mounts.put(source, List.copyOf(registered));
        }
        List<RegisteredTool> all = new ArrayList<>(built);
        mounts.values().forEach(all::addAll);
        all.sort(Comparator.comparing(RegisteredTool::name));
        Catalog before = catalog;
        catalog = Catalog.of(all);
        if (!catalog.descriptors().equals(before.descriptors())) {
            listeners.forEach(Runnable::run);
        }
        return registered.stream().map(RegisteredTool::name).toList();
    }

    /**
     * Whether the tools may change while the server runs (another source is configured to mount some), so clients
     * are told {@code tools.listChanged} and listeners may ask for {@code toolsListChanged}.
     */
    public boolean mayChange() {
        return mayChange;
    }

    /** Declares that another source will mount tools. */
    void acceptMounts() {
        mayChange = true;
    }

    /** Runs {@code listener} each time a mount changes the tools (on the mounting thread, which may block). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Finds the CDI bean of a class that declares tools; empty when there is none (disabled or removed). */
    @FunctionalInterface
    public interface BeanLookup {
        Optional<Object> find(Class<?> beanClass);
    }

    /**
     * Binds the tools the build described to their beans (see {@link BeanTools#bind}).
     *
     * @throws IllegalStateException naming the class when the registry and the classes disagree
     */
    public static ToolRegistry load(
            List<GeneratedTool> generated, BeanLookup beans, ObjectMapper mapper, Validator validator) {
        return new ToolRegistry(BeanTools.bind(generated, beans, mapper, validator), mapper);
    }

    /** All tools, sorted by name. */
    public List<ToolDescriptor> descriptors() {
        return catalog.descriptors();
    }

    /**
     * The tools {@code principal} may see and call as {@code tools/list} sends them (serialised at start-up), sorted
     * by name: all of them, without a copy, in most cases.
     *
     * @param withTasks whether descriptors say {@code execution.taskSupport} (only revision 2025-11-25 has the field)
     * @param withViews whether the client renders views (MCP Apps): descriptors then carry {@code _meta.ui}, and the
     *     tools for views alone are listed; other clients see plain tools without those
     */
    public List<RawValue> wire(Principal principal, boolean withTasks, boolean withViews) {
        Catalog current = catalog;
        if (!current.scoped() || !principal.authenticated()) {
            return current.wire().get(RegisteredTool.shape(withTasks, withViews));
        }
        return current.tools().stream()
                .filter(tool -> principal.holds(tool.scopes()) && (withViews || !tool.appOnly()))
                .map(tool -> tool.wire(withTasks, withViews))
                .toList();
    }

    /** Whether some tool has a view (MCP Apps). */
    public boolean hasViews() {
        return catalog.views();
    }

    /** Every scope some tool requires. */
    @Override
    public Set<String> scopes() {
        return Scopes.union(catalog.tools().stream().map(RegisteredTool::scopes));
    }

    public Optional<RegisteredTool> find(String name) {
        return Optional.ofNullable(catalog.byName().get(name));
    }

    public boolean contains(String name) {
        return catalog.byName().containsKey(name);
    }

    public int size() {
        return catalog.tools().size();
    }

    /**
     * This registry without the tools a deployment switched off ({@code switchboard.tools.exclude}): each entry is a
     * tool name or a prefix ending in {@code *}.
     *
     * @throws IllegalArgumentException naming the entry when one matches no tool (a typo would leave a tool on)
     */
    public ToolRegistry without(List<String> excluded) {
        if (excluded.isEmpty()) {
            return this;
        }
        for (String entry : excluded) {
            if (built.stream().noneMatch(tool -> matches(entry, tool.name()))) {
                throw new IllegalArgumentException("switchboard.tools.exclude names '" + entry
                        + "', which matches no tool. Tools: "
                        + String.join(
                                ", ", built.stream().map(RegisteredTool::name).toList()));
            }
        }
        return new ToolRegistry(
                built.stream()
                        .filter(tool -> excluded.stream().noneMatch(entry -> matches(entry, tool.name())))
                        .toList(),
                mapper);
    }

    private static boolean matches(String entry, String name) {
        return entry.endsWith("*") ? name.startsWith(entry.substring(0, entry.length() - 1)) : name.equals(entry);
    }
}
