package dev.switchboard.security;

import dev.switchboard.api.Principal;
import dev.switchboard.http.HttpError;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The OAuth 2.1 resource-server gate in front of {@code /mcp} and {@code /agent}: with authorization on, a request
 * needs a bearer token that Quarkus OIDC accepts (signature from the issuer's JWKS, issuer, expiry, and this server's
 * canonical URI as audience) and that grants {@code switchboard.auth.scopes}. Refusals carry the challenge that tells
 * the client where the metadata is and which scopes to ask for. The caller's {@link Principal} is left on the routing
 * context for the endpoints ({@link #principal}).
 */
public class BearerAuthFilter {

    private static final Logger LOG = Logger.getLogger(BearerAuthFilter.class);
    private static final String PRINCIPAL = Principal.class.getName();
    /** Go on to the endpoint (a null response); one instance serves every request. */
    private static final Uni<Response> PASS = Uni.createFrom().nullItem();

    private final boolean enabled;
    private final Set<String> baseScopes;
    private final CurrentIdentityAssociation identities;
    private final BearerChallenges challenges;
    private final List<GuardedPaths> guarded;

    public BearerAuthFilter(
            AuthConfig config,
            CurrentIdentityAssociation identities,
            BearerChallenges challenges,
            Instance<GuardedPaths> guarded) {
        this.enabled = config.enabled();
        this.baseScopes = config.scopes();
        this.identities = identities;
        this.challenges = challenges;
        this.guarded = guarded.stream().toList();
    }

    /** The caller of the current request: {@link Principal#OPEN} when authorization is off. */
    public static Principal principal(RoutingContext routing) {
        Principal principal = routing.get(PRINCIPAL);
        return principal == null ? Principal.OPEN : principal;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(RoutingContext routing) {
        if (!enabled || routing.request().method().name().equals(HttpMethod.OPTIONS)) {
            return PASS;
        }
        Set<String> required = requiredScopes(routing.normalizedPath());
        if (required == null) {
            return PASS;
        }
        return identities
                .getDeferredIdentity()
                .map(identity -> {
                    if (identity.isAnonymous()) {
                        return refuse(
                                401,
                                "Unauthorized: send an OAuth access token for this server as Authorization: Bearer;"
                                        + " the WWW-Authenticate header says where to get one",
                                challenges.missingToken());
                    }
                    Principal principal = PrincipalResolver.of(identity);
                    if (!principal.holds(required)) {
                        return refuse(
                                403,
                                "Forbidden: the access token lacks the scopes " + required + " this server needs"
                                        + (required == baseScopes ? "" : " for " + routing.normalizedPath()),
                                challenges.insufficientScope(required));
                    }
                    routing.put(PRINCIPAL, principal);
                    return null;
                })
                .onFailure(BearerAuthFilter::refusedToken)
                .recoverWithItem(failure -> {
                    // The type only: the messages of JWT libraries quote the token's claims (subject, email...).
                    LOG.debugf("Bearer token refused (%s)", failure.getClass().getSimpleName());
                    return refuse(
                            401,
                            "Unauthorized: the access token is invalid, expired, or not issued for this server",
                            challenges.invalidToken());
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("Bearer token could not be checked: %s", failure.toString());
                    return HttpError.of(
                                    503,
                                    JsonRpcErrorCodes.INVALID_REQUEST,
                                    "Service Unavailable: the authorization server's keys cannot be reached;"
                                            + " retry shortly")
                            .withRetryAfter("5")
                            .toResponse();
                });
    }

    /**
     * Whether checking the token failed because of the token. Quarkus OIDC reports most bad tokens as
     * {@link AuthenticationFailedException}, but a token it cannot even split (only dots: {@code "."}, {@code "..."})
     * fails with {@link NoSuchElementException} while it reads the JWT header: the client's fault (401), not an
     * authorization server out of reach (503).
     */
    private static boolean refusedToken(Throwable failure) {
        return failure instanceof AuthenticationFailedException
                || failure instanceof NoSuchElementException
                || failure instanceof IllegalArgumentException;
    }

    /** The scopes a request to {@code path} needs, or null when the path is not guarded. */
    private Set<String> requiredScopes(String path) {
        if (path.equals("/mcp") || path.startsWith("/mcp/") || path.equals("/agent") || path.startsWith("/agent/")) {
            return baseScopes;
        }
        for (GuardedPaths paths : guarded) {
            Optional<Set<String>> scopes = paths.scopesFor(path);
            if (scopes.isPresent()) {
                return scopes.get();
            }
        }
        return null;
    }

    private static Response refuse(int status, String message, String challenge) {
        return HttpError.of(status, JsonRpcErrorCodes.INVALID_REQUEST, message)
                .withChallenge(challenge)
                .toResponse();
    }
}
