package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ToolState;
import dev.switchboard.prompt.MountedPrompt;
import dev.switchboard.prompt.PromptRegistry;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.resource.ResourceRegistry;
import dev.switchboard.security.ScopeDeclarations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    private ScheduledExecutorService scheduler;

    UpstreamMounts(
            UpstreamConfig config,
            ToolRegistry registry,
            ResourceRegistry resources,
            PromptRegistry prompts,
            ToolState state,
            ObjectMapper mapper) {
        this.config = config;
        this.registry = registry;
        this.resources = resources;
        this.prompts = prompts;
        this.state = state;
        this.mapper = mapper;
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
            UpstreamServer server =
                    new UpstreamServer(name, new StreamableHttpClient(name, upstream.getValue(), mapper), mapper);
            UpstreamSessions sessions = new UpstreamSessions(server, state);
            Mount mount = new Mount(
                    name,
                    upstream.getValue(),
                    server,
                    new UpstreamTools(name, upstream.getValue(), server, sessions, mapper),
                    new UpstreamResources(name, upstream.getValue(), server, sessions, mapper),
                    new UpstreamPrompts(name, upstream.getValue(), server, new UpstreamResults(mapper)));
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
            UpstreamTools tools,
            UpstreamResources resources,
            UpstreamPrompts prompts) {}

    /** Reads the upstream's tools, resources and templates in a session of their own, and mounts them. */
    private void refresh(Mount mount, Duration retry) {
        Duration next;
        try {
            UpstreamServer.Session session = mount.server().open();
            try {
                String source = "upstream '" + mount.name() + "'";
                List<String> served = registry.mount(source, mount.tools().list(session));
                List<ResourceRegistry.Fixed> fixed = mount.resources().resources(session);
                List<ResourceRegistry.Template> templates = mount.resources().templates(session);
                resources.mount(source, fixed, templates);
                List<MountedPrompt> listed = mount.prompts().list(session);
                prompts.mount(source, listed);
                LOG.infof(
                        "Upstream '%s' (%s): serving %d tools, %d resources, %d resource templates, %d prompts: %s",
                        mount.name(),
                        mount.config().url(),
                        served.size(),
                        fixed.size(),
                        templates.size(),
                        listed.size(),
                        served);
            } finally {
                mount.server().close(session);
            }
            next = mount.config().refresh();
            retry = FIRST_RETRY;
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Upstream '%s' (%s): cannot read what it serves, trying again in %s: %s",
                    mount.name(), mount.config().url(), retry, e.getMessage());
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
