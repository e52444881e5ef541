package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ToolState;
import dev.switchboard.registry.MountedTool;
import dev.switchboard.registry.ToolRegistry;
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
 * Mounts the tools of every configured upstream into the {@link ToolRegistry}: read once start-up is done and again
 * every {@code refresh}; an upstream that cannot be reached is tried again sooner (1 s, doubling up to the refresh)
 * and its tools stay as they were last read. Start-up never waits for an upstream.
 */
@ApplicationScoped
public class UpstreamMounts implements ScopeDeclarations {

    private static final Logger LOG = Logger.getLogger(UpstreamMounts.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final UpstreamConfig config;
    private final ToolRegistry registry;
    private final ToolState state;
    private final ObjectMapper mapper;
    private ScheduledExecutorService scheduler;

    UpstreamMounts(UpstreamConfig config, ToolRegistry registry, ToolState state, ObjectMapper mapper) {
        this.config = config;
        this.registry = registry;
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
            UpstreamTools tools =
                    new UpstreamTools(name, upstream.getValue(), server, new UpstreamSessions(server, state), mapper);
            scheduler.execute(() -> refresh(name, upstream.getValue(), tools, FIRST_RETRY));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void refresh(String name, UpstreamConfig.Upstream upstream, UpstreamTools tools, Duration retry) {
        Duration next;
        try {
            List<MountedTool> listed = tools.list();
            List<String> served = registry.mount("upstream '" + name + "'", listed);
            LOG.infof("Upstream '%s' (%s): serving %d tools: %s", name, upstream.url(), served.size(), served);
            next = upstream.refresh();
            retry = FIRST_RETRY;
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Upstream '%s' (%s): cannot read its tools, trying again in %s: %s",
                    name, upstream.url(), retry, e.getMessage());
            next = retry;
            retry = min(retry.multipliedBy(2), upstream.refresh());
        }
        Duration following = retry;
        scheduler.schedule(() -> refresh(name, upstream, tools, following), next.toMillis(), TimeUnit.MILLISECONDS);
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
