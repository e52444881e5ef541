package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Completions of one upstream's prompt arguments and template variables, asked of the upstream in a session of their
 * own. They are suggestions: an upstream that fails to give them gives none, and the caller types on.
 */
final class UpstreamCompletions {

    private static final Logger LOG = Logger.getLogger(UpstreamCompletions.class);

    private final String name;
    private final UpstreamServer server;
    private final UpstreamHealth health;
    private final ObjectMapper mapper;

    UpstreamCompletions(String name, UpstreamServer server, UpstreamHealth health, ObjectMapper mapper) {
        this.name = name;
        this.server = server;
        this.health = health;
        this.mapper = mapper;
    }

    /** Suggestions for an argument of the upstream's prompt {@code prompt} (its own name, unprefixed). */
    List<String> ofPrompt(String prompt, String argument, String prefix) {
        return complete(mapper.createObjectNode().put("type", "ref/prompt").put("name", prompt), argument, prefix);
    }

    /** Suggestions for a variable of the upstream's template {@code uriTemplate}. */
    List<String> ofTemplate(String uriTemplate, String variable, String prefix) {
        return complete(
                mapper.createObjectNode().put("type", "ref/resource").put("uri", uriTemplate), variable, prefix);
    }

    @SuppressWarnings("unchecked")
    private List<String> complete(ObjectNode ref, String argument, String prefix) {
        try {
            return health.call(
                    () -> {
                        UpstreamSession session = server.open();
                        try {
                            return server.complete(session, ref, argument, prefix);
                        } finally {
                            server.close(session);
                        }
                    },
                    List.class);
        } catch (UpstreamException e) {
            LOG.debugf("Upstream '%s' gave no completions: %s", name, e.getMessage());
            return List.of();
        }
    }
}
