package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ToolState;
import dev.switchboard.http.ShownUrls;
import dev.switchboard.prompt.PromptRegistry;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.resource.ResourceRegistry;
import dev.switchboard.security.ScopeDeclarations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Mounts the tools, resources, resource templates and prompts of every configured upstream into the
 * {@link ToolRegistry}, {@link ResourceRegistry} and {@link PromptRegistry}: read once start-up is done and again
 * every {@code refresh}; an upstream that cannot be reached is tried again sooner (1 s, doubling up to the refresh)
 * and its tools stay as they were last read. Start-up never waits for an upstream.
 */
@ApplicationScoped
public class UpstreamMounts implements ScopeDeclarations {

    private static final Logger LOG = Logger.getLogger(UpstreamMounts.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final UpstreamConfig config;
    private final ToolRegistry registry;
    private final ResourceRegistry resources;
    private final PromptRegistry prompts;
    private final ToolState state;
    private final ObjectMapper mapper;
    private final LastKnownListings lastKnown;
    private final List<Mount> mounts = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;

    UpstreamMounts(
            UpstreamConfig config,
            ToolRegistry registry,
            ResourceRegistry resources,
            PromptRegistry prompts,
            ToolState state,
            ObjectMapper mapper,
            LastKnownListings lastKnown) {
        this.config = config;
        this.registry = registry;
        this.resources = resources;
        this.prompts = prompts;
        this.state = state;
        this.mapper = mapper;
        this.lastKnown = lastKnown;
    }

    void start(@Observes StartupEvent event) {
        if (config.servers().isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "switchboard-upstreams");
            thread.setDaemon(true);
            return thread;
        });
        for (Map.Entry<String, UpstreamConfig.Upstream> upstream :
                config.servers().entrySet()) {
            String name = upstream.getKey();
            UpstreamServer server = new UpstreamServer(
                    name,
                    upstream.getValue().protocol(),
                    new StreamableHttpClient(name, upstream.getValue(), mapper),
                    mapper);
            UpstreamSessions sessions = new UpstreamSessions(server, state);
            UpstreamHealth health = new UpstreamHealth(name, upstream.getValue());
            UpstreamCompletions completions = new UpstreamCompletions(name, server, health, mapper);
            Mount mount = new Mount(
                    name,
                    upstream.getValue(),
                    server,
                    sessions,
                    health,
                    new UpstreamTools(name, upstream.getValue(), server, sessions, health, mapper),
                    new UpstreamResources(name, upstream.getValue(), server, sessions, health, completions, mapper),
                    new UpstreamPrompts(
                            name, upstream.getValue(), server, health, new UpstreamResults(mapper), completions));
            mounts.add(mount);
            scheduler.execute(() -> refresh(mount, FIRST_RETRY));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One upstream and what it serves through us. */
    private record Mount(
            String name,
            UpstreamConfig.Upstream config,
            UpstreamServer server,
            UpstreamSessions sessions,
            UpstreamHealth health,
            UpstreamTools tools,
            UpstreamResources resources,
            UpstreamPrompts prompts) {}

    /**
     * Reads what the upstream lists, in a session of its own, mounts it and keeps it as the last known list. When the
     * upstream cannot be read and nothing is mounted yet, the last known list (another replica's, or this one's
     * before a restart) is mounted: its tools are listed, and calls to them answer that the upstream is unavailable.
     */
    private void refresh(Mount mount, Duration retry) {
        Duration next;
        try {
            UpstreamListing listing = read(mount.server());
            List<String> served = mountAll(mount, listing);
            mount.health().listed(listing, Instant.now(), false);
            mount.health().speaks(mount.server().revision());
            lastKnown.save(mount.name(), listing, mount.config().lastKnownTtl());
            LOG.infof(
                    "Upstream '%s' (%s, MCP %s): serving %d tools, %d resources, %d resource templates, %d prompts: %s",
                    mount.name(),
                    ShownUrls.withoutSecrets(mount.config().url()),
                    mount.server().revision(),
                    served.size(),
                    listing.resources().size(),
                    listing.resourceTemplates().size(),
                    listing.prompts().size(),
                    served);
            next = mount.config().refresh();
            retry = FIRST_RETRY;
        } catch (RuntimeException e) {
            mount.health().unreachable(e.getMessage());
            LOG.warnf(
                    "Upstream '%s': cannot read what it serves, trying again in %d s: %s",
                    mount.name(), retry.toSeconds(), e.getMessage());
            if (!mount.health().hasListing()) {
                lastKnown.load(mount.name()).ifPresent(saved -> {
                    List<String> served = mountAll(mount, saved.listing());
                    mount.health().listed(saved.listing(), saved.readAt(), true);
                    LOG.infof(
                            "Upstream '%s': listing its last known %d tools (read %s) until it answers",
                            mount.name(), served.size(), saved.readAt());
                });
            }
            next = retry;
            retry = min(retry.multipliedBy(2), mount.config().refresh());
        }
        Duration following = retry;
        try {
            scheduler.schedule(() -> refresh(mount, following), next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    private static UpstreamListing read(UpstreamServer server) {
        server.rediscover(); // the revision it speaks is asked again at each reading
        UpstreamSession session = server.open();
        try {
            return server.listing(session);
        } finally {
            server.close(session);
        }
    }

    /** Mounts a listing's tools, resources and prompts; the names of the tools served. */
    private List<String> mountAll(Mount mount, UpstreamListing listing) {
        String source = "upstream '" + mount.name() + "'";
        List<String> served = registry.mount(source, mount.tools().list(listing.tools()));
        resources.mount(
                source,
                mount.resources().resources(listing.resources()),
                mount.resources().templates(listing.resourceTemplates()));
        prompts.mount(source, mount.prompts().list(listing.prompts()));
        return served;
    }

    /** Whether any upstream is configured. */
    boolean any() {
        return !config.servers().isEmpty();
    }

    /** Ends, upstream, the sessions one session of ours had there; in the background, each best effort. */
    void endSessions(String sessionId, List<UpstreamSessions.Stored> stored) {
        for (UpstreamSessions.Stored entry : stored) {
            for (Mount mount : mounts) {
                if (mount.name().equals(entry.upstream())) {
                    mount.sessions().forget(sessionId);
                    UpstreamSession session = new UpstreamSession(entry.id(), entry.protocolVersion());
                    try {
                        scheduler.execute(() -> mount.server().close(session));
                    } catch (java.util.concurrent.RejectedExecutionException e) {
                        // shutting down: the upstream expires it
                    }
                }
            }
        }
    }

    /** Every configured upstream as this replica sees it (the console). */
    public List<UpstreamStatus> statuses() {
        return mounts.stream().map(mount -> mount.health().status()).toList();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The scopes configured for upstream tools, so the protected-resource metadata names them. */
    @Override
    public Set<String> scopes() {
        Set<String> scopes = new TreeSet<>();
        config.servers()
                .values()
                .forEach(upstream -> scopes.addAll(upstream.scopes().orElse(List.of())));
        return scopes;
    }
}
