package dev.switchboard.protocol.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.Principal;
import dev.switchboard.api.ToolException;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.session.SessionStore;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Issues and verifies the {@code requestState} of multi round-trip requests (2026-07-28). The state is
 * self-contained and signed, not a handle to server-side storage: the answers collected so far, the request it
 * belongs to (method, name and a digest of the other params) and an expiry, as base64url JSON followed by an
 * HMAC-SHA256 of it. Any replica holding the key can resume the call without a store round trip, nothing needs
 * cleaning up, and a state altered, expired, or presented on another request is refused. The key is configured, or
 * else created once in the session store and shared by every replica.
 */
@Singleton
public class RequestStates {

    private static final Logger LOG = Logger.getLogger(RequestStates.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Params that change between rounds, so they are not part of what binds a state to its request. */
    private static final List<String> ROUND_PARAMS = List.of("_meta", "inputResponses", "requestState");

    private final ObjectMapper mapper;
    private final Clock clock;
    private final SwitchboardConfig config;
    private final Duration ttl;
    private final int maxBytes;
    private volatile SecretKeySpec key;

    public RequestStates(ObjectMapper mapper, Clock clock, SwitchboardConfig config) {
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
        this.ttl = config.stateless().requestStateTtl();
        this.maxBytes = config.stateless().requestStateMaxBytes();
        this.key = new SecretKeySpec(random(), ALGORITHM);
    }

    /**
     * Settles the signing key before requests arrive: the configured one, else one shared by every replica through
     * the session store (the first replica to start creates it), so a retry may reach any replica.
     */
    void onStart(@Observes StartupEvent event, SessionStore store) {
        if (config.stateless().requestStateKey().isPresent()) {
            key = new SecretKeySpec(
                    configuredKey(config.stateless().requestStateKey().get()), ALGORITHM);
            return;
        }
        try {
            String shared = store.shared(
                            "request-state-key", Base64.getEncoder().encodeToString(random()))
                    .await()
                    .atMost(Duration.ofSeconds(5));
            key = new SecretKeySpec(Base64.getDecoder().decode(shared), ALGORITHM);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "The shared requestState key could not be read from the %s session store (%s): this replica"
                            + " signs with its own key, so multi round-trip retries must come back to it. Set"
                            + " switchboard.stateless.request-state-key to avoid this.",
                    store.kind(), e.getMessage());
        }
    }

    /** The configured key; a key that cannot sign stops start-up with the variable to fix, not a stack trace. */
    static byte[] configuredKey(String base64) {
        byte[] configured;
        try {
            configured = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            configured = new byte[0];
        }
        if (configured.length < 32) {
            throw new ConfigurationException("SWITCHBOARD_STATELESS_REQUEST_STATE_KEY"
                    + " (switchboard.stateless.request-state-key) must be base64 of at least 32 random bytes, the same"
                    + " on every replica: e.g. `openssl rand -base64 32`");
        }
        return configured;
    }

    /**
     * A signed state carrying {@code answers} for the next round of {@code request}.
     *
     * @throws ToolException when the answers collected are larger than the configured maximum
     */
    public String issue(JsonRpcRequest request, Principal principal, Map<String, JsonNode> answers) {
        ObjectNode payload = mapper.createObjectNode()
                .put("m", request.method())
                .put("p", principal.id())
                .put("b", binding(request))
                .put("e", clock.millis() + ttl.toMillis());
        payload.set("a", mapper.valueToTree(answers));
        String body = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        String state = body + '.' + ENCODER.encodeToString(sign(body));
        if (state.length() > maxBytes) {
            throw new ToolException("The answers collected for this call exceed " + maxBytes
                    + " bytes (switchboard.stateless.request-state-max-bytes); ask for less at a time");
        }
        return state;
    }

    /**
     * The answers a state carries, once it is verified to be ours, unaltered, unexpired and issued for this request
     * and this principal (a state that leaked to another caller is worthless to them).
     *
     * @throws JsonRpcException -32602 otherwise
     */
    public Map<String, JsonNode> open(String state, JsonRpcRequest request, Principal principal) {
        int dot = state.indexOf('.');
        if (dot <= 0 || state.length() > maxBytes) {
            throw invalid("it is not a state this server issued");
        }
        String body = state.substring(0, dot);
        byte[] signature;
        ObjectNode payload;
        try {
            signature = DECODER.decode(state.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(body))) {
                throw invalid("its signature does not match (altered, or issued with another key)");
            }
            payload = (ObjectNode) mapper.readTree(DECODER.decode(body));
        } catch (IllegalArgumentException | IOException | ClassCastException e) {
            throw invalid("it is not a state this server issued");
        }
        if (payload.path("e").asLong() < clock.millis()) {
            throw invalid("it expired; call again without requestState and inputResponses");
        }
        if (!request.method().equals(payload.path("m").asText())
                || !principal.id().equals(payload.path("p").asText())
                || !binding(request).equals(payload.path("b").asText())) {
            throw invalid("it was issued for another request; retry the original request unchanged");
        }
        Map<String, JsonNode> answers = new HashMap<>();
        payload.path("a").fields().forEachRemaining(entry -> answers.put(entry.getKey(), entry.getValue()));
        return answers;
    }

    /** A digest of the request's params that stay the same across rounds (tool name and arguments, say). */
    private String binding(JsonRpcRequest request) {
        StringBuilder canonical = new StringBuilder(request.method()).append('\n');
        if (request.params() != null) {
            ObjectNode params = request.params().deepCopy();
            params.remove(ROUND_PARAMS);
            appendCanonical(params, canonical);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON with object keys sorted, so the same params digest the same whatever order the client sent them in. */
    private static void appendCanonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            out.append('{');
            for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
                String name = it.next();
                out.append(mapperQuote(name)).append(':');
                appendCanonical(node.get(name), out);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendCanonical(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }

    private static String mapperQuote(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private static JsonRpcException invalid(String why) {
        return JsonRpcException.invalidParams("params.requestState is not valid: " + why);
    }
}
