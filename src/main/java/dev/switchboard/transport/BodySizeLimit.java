package dev.switchboard.transport;

import dev.switchboard.http.HttpError;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a POST to {@code /mcp} whose {@code Content-Length} exceeds {@code quarkus.http.limits.max-body-size} with
 * 413 and a JSON-RPC error body, like every other refusal of {@code /mcp}. It runs just before Quarkus' own check,
 * which answers the same status with an empty body and still guards chunked bodies (no length known up front).
 */
@Singleton
class BodySizeLimit {

    static final String SETTING = "quarkus.http.limits.max-body-size";

    private final long maxBytes;
    private final Buffer refusal;

    BodySizeLimit(@ConfigProperty(name = SETTING, defaultValue = "10240K") MemorySize maxBodySize, JsonCodec json) {
        this.maxBytes = maxBodySize.asLongValue();
        this.refusal = Buffer.buffer(json.writeBytes(HttpError.of(
                        413,
                        JsonRpcErrorCodes.INVALID_REQUEST,
                        "Payload Too Large: the body exceeds " + maxBytes + " bytes (" + SETTING + ")")
                .body()));
    }

    void install(@Observes Router router) {
        router.post("/mcp").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            // The client may still be sending the body: close the connection rather than read it.
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .end(refusal);
            return;
        }
        context.next();
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
