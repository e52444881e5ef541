package dev.switchboard.transport;

import dev.switchboard.api.Principal;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.json.RequestJson;
import dev.switchboard.jsonrpc.JsonRpcMessage;
import dev.switchboard.jsonrpc.JsonRpcParser;
import dev.switchboard.jsonrpc.JsonRpcPayload;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.observability.McpMetrics;
import dev.switchboard.protocol.McpReply;
import dev.switchboard.protocol.SessionEraServer;
import dev.switchboard.protocol.StatelessEraServer;
import dev.switchboard.protocol.core.Era;
import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.protocol.notify.ResourceSubscriptions;
import dev.switchboard.security.BearerAuthFilter;
import dev.switchboard.security.limits.RequestRateLimits;
import dev.switchboard.session.SessionStore;
import dev.switchboard.stream.StreamHub;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The MCP endpoint (Streamable HTTP transport). It checks the HTTP envelope (Origin, Accept, Content-Type,
 * protocol version header), parses JSON-RPC, hands the message to the protocol layer and maps its outcome, and
 * every refusal, to an HTTP response. Its OpenAPI description is {@code META-INF/openapi.yaml}.
 */
@Path("/mcp")
public class McpEndpoint {

    private static final Logger LOG = Logger.getLogger(McpEndpoint.class);
    private static final int SESSION_NOT_FOUND = RequestRejectedException.SESSION_NOT_FOUND;

    private final SessionEraServer server;
    private final StatelessEraServer stateless;
    private final SessionStore sessions;
    private final ResourceSubscriptions subscriptions;
    private final StreamHub hub;
    private final RequestRateLimits rateLimits;
    private final OpenExchanges openExchanges;
    private final JsonCodec json;
    private final JsonRpcParser parser;
    private final McpMetrics metrics;
    private final Duration retry;
    private final Duration keepAlive;

    public McpEndpoint(
            SessionEraServer server,
            StatelessEraServer stateless,
            SessionStore sessions,
            ResourceSubscriptions subscriptions,
            StreamHub hub,
            JsonCodec json,
            RequestJson requestJson,
            McpMetrics metrics,
            RequestRateLimits rateLimits,
            OpenExchanges openExchanges,
            SwitchboardConfig config) {
        this.openExchanges = openExchanges;
        this.rateLimits = rateLimits;
        this.metrics = metrics;
        this.server = server;
        this.stateless = stateless;
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.hub = hub;
        this.json = json;
        this.parser = new JsonRpcParser(requestJson.mapper(), requestJson::explain);
        this.retry = config.streams().retry();
        this.keepAlive = config.stateless().keepAlive();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.WILDCARD) // JSON or SSE, decided while the request runs: see Exchange
    public Uni<Void> post(
            byte[] body,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Origin") String origin,
            @HeaderParam(McpHeaders.SESSION_ID) String sessionId,
            @HeaderParam(McpHeaders.PROTOCOL_VERSION) String protocolVersion,
            @Context SseEventSink sink,
            @Context Sse sse,
            @Context HttpServerResponse response,
            @Context RoutingContext routing) {
        Principal principal = BearerAuthFilter.principal(routing);
        JsonRpcPayload payload;
        try {
            MediaTypeRules.requirePostable(accept, contentType);
            payload = parser.parse(body);
            if (!payload.batch() && payload.single() instanceof JsonRpcPayload.Invalid invalid) {
                throw new InvalidMessageException(invalid);
            }
            if (EraRules.of(payload, protocolVersion) == Era.STATELESS) {
                return postStateless(
                        ((JsonRpcPayload.Valid) payload.single()).message(),
                        routing.request().headers(),
                        principal,
                        sink,
                        sse,
                        response);
            }
        } catch (RuntimeException e) {
            return refuse(e, sink, sse, response);
        }
        Exchange exchange = new Exchange(response, sink, sse, json, new LoggedStream(hub, sessionId, retry));
        try {
            holdSlot(sessionId, routing);
            // The session's own limit is checked with the session, in the same round trip (SessionEraServer).
            rateLimits
                    .admitThen(principal, () -> server.handle(payload, sessionId, principal, exchange))
                    .subscribe()
                    .with(
                            reply -> {
                                countErrors(Era.SESSION.tag(), reply);
                                exchange.reply(reply);
                            },
                            failure -> {
                                metrics.rpcError(Era.SESSION.tag(), HttpErrors.code(failure));
                                exchange.fail(failure);
                            });
        } catch (RuntimeException e) {
            metrics.rpcError(Era.SESSION.tag(), HttpErrors.code(e));
            exchange.fail(e);
        }
        return exchange.completion();
    }

    /** A 2026-07-28 message: no session ({@code Mcp-Session-Id} is ignored), headers checked against the body. */
    private Uni<Void> postStateless(
            JsonRpcMessage message,
            MultiMap headers,
            Principal principal,
            SseEventSink sink,
            Sse sse,
            HttpServerResponse response) {
        Exchange exchange = new Exchange(response, sink, sse, json, new DirectStream(metrics));
        try {
            if (!(message instanceof JsonRpcRequest request)) {
                exchange.reply(new McpReply.Accepted()); // 2026-07-28 defines no client notifications over HTTP
            } else {
                StatelessHeaders.checkStandard(request, headers);
                Map<String, String> paramHeaders = StatelessHeaders.params(request, headers);
                rateLimits
                        .admitThen(principal, () -> stateless.handle(request, paramHeaders, principal, exchange))
                        .subscribe()
                        .with(
                                reply -> {
                                    countErrors(Era.STATELESS.tag(), reply);
                                    exchange.reply(reply);
                                },
                                failure -> {
                                    metrics.rpcError(Era.STATELESS.tag(), HttpErrors.code(failure));
                                    exchange.fail(failure);
                                });
                exchange.watch(keepAlive);
            }
        } catch (RuntimeException e) {
            metrics.rpcError(Era.STATELESS.tag(), HttpErrors.code(e));
            exchange.fail(e);
        }
        return exchange.completion();
    }

    /** Answers a message refused before either era's server saw it. */
    private Uni<Void> refuse(RuntimeException failure, SseEventSink sink, Sse sse, HttpServerResponse response) {
        metrics.rpcError(McpMetrics.NO_ERA, HttpErrors.code(failure));
        Exchange exchange = new Exchange(response, sink, sse, json, new DirectStream(metrics));
        exchange.fail(failure);
        return exchange.completion();
    }

    @DELETE
    public Uni<Response> delete(
            @HeaderParam(McpHeaders.PROTOCOL_VERSION) String protocolVersion,
            @HeaderParam(McpHeaders.SESSION_ID) String sessionId,
            @Context RoutingContext routing) {
        try {
            EraRules.requireSessionEra(protocolVersion, "DELETE");
            if (sessionId == null) {
                throw RequestRejectedException.sessionRequired();
            }
            return server.end(sessionId, BearerAuthFilter.principal(routing))
                    .map(existed -> existed
                            ? Response.noContent().build()
                            : failure(RequestRejectedException.sessionNotFound()))
                    .onFailure()
                    .recoverWithItem(McpEndpoint::failure);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(failure(e));
        }
    }

    @GET
    @Produces(MediaType.WILDCARD)
    public Uni<Void> get(
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(McpHeaders.SESSION_ID) String sessionId,
            @HeaderParam(McpHeaders.PROTOCOL_VERSION) String protocolVersion,
            @HeaderParam(McpHeaders.LAST_EVENT_ID) String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse,
            @Context HttpServerResponse response,
            @Context RoutingContext routing) {
        LoggedStream stream = new LoggedStream(hub, sessionId, retry);
        Exchange exchange = new Exchange(response, sink, sse, json, stream);
        try {
            MediaTypeRules.requireEventStream(accept);
            EraRules.requireSessionEra(protocolVersion, "GET");
            EraRules.checkedSessionHeader(protocolVersion);
            if (sessionId == null) {
                throw RequestRejectedException.sessionRequired();
            }
            holdSlot(sessionId, routing);
            sessions.touch(sessionId, BearerAuthFilter.principal(routing).id(), null)
                    // Opening or resuming a stream reads and writes the event log: off the event loop.
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .subscribe()
                    .with(
                            found -> {
                                if (found.isEmpty()) {
                                    exchange.fail(RequestRejectedException.sessionNotFound());
                                } else if (lastEventId == null) {
                                    exchange.negotiated(
                                            ProtocolVersion.of(found.get().protocolVersion())
                                                    .orElse(ProtocolVersion.LATEST));
                                    subscriptions
                                            .standaloneOpened(sessionId, exchange.streamTo(stream::openStandalone))
                                            .subscribe()
                                            .with(ignored -> {}, exchange::fail);
                                } else if (stream.canResume(lastEventId)) {
                                    exchange.streamTo(connection -> {
                                        stream.resume(lastEventId, connection);
                                        return lastEventId;
                                    });
                                } else {
                                    exchange.fail(TransportException.cannotResume(lastEventId));
                                }
                            },
                            exchange::fail);
        } catch (RuntimeException e) {
            exchange.fail(e);
        }
        return exchange.completion();
    }

    /** Counts the request against its session's open requests and streams until its HTTP response ends. */
    private void holdSlot(String sessionId, RoutingContext routing) {
        if (sessionId != null) {
            openExchanges.acquire(sessionId);
            routing.addEndHandler(ended -> openExchanges.release(sessionId));
        }
    }

    private void countErrors(String era, McpReply reply) {
        if (reply instanceof McpReply.Respond respond) {
            metrics.rpcErrors(era, respond.body());
        }
    }

    private static Response failure(Throwable failure) {
        return HttpErrors.of(failure).toResponse();
    }
}
