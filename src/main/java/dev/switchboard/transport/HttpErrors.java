package dev.switchboard.transport;

import dev.switchboard.api.StoreUnavailableException;
import dev.switchboard.http.HttpError;
import dev.switchboard.jsonrpc.JsonRpcError;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.security.limits.RateLimitedException;
import org.jboss.logging.Logger;

/** The one place where the failures of serving {@code /mcp} become {@link HttpError}s. */
final class HttpErrors {

    private static final Logger LOG = Logger.getLogger(HttpErrors.class);
    static final int SESSION_NOT_FOUND = RequestRejectedException.SESSION_NOT_FOUND;

    private HttpErrors() {}

    static HttpError of(Throwable failure) {
        if (failure instanceof TransportException transport) {
            return new HttpError(transport.status(), JsonRpcResponse.failure(null, transport.error()), null, null);
        }
        if (failure instanceof InvalidMessageException invalid) {
            return new HttpError(400, invalid.invalid().response(), null, null);
        }
        if (failure instanceof JsonRpcException rpc) {
            return new HttpError(400, JsonRpcResponse.failure(null, rpc.toError()), null, null);
        }
        if (failure instanceof RequestRejectedException rejected) {
            return rejection(status(rejected.reason()), rejected.code(), rejected);
        }
        if (failure instanceof RateLimitedException limited) {
            // Expected under load and the client is told what to do: not worth a log line per refusal.
            return HttpError.of(429, RateLimitedException.CODE, limited.getMessage())
                    .withRetryAfter(Long.toString(limited.retryAfterSeconds()));
        }
        if (failure instanceof StoreUnavailableException unavailable) {
            LOG.warn(unavailable.getMessage());
            return HttpError.of(
                            503,
                            JsonRpcErrorCodes.INTERNAL_ERROR,
                            "Service Unavailable: the session store cannot be reached; retry shortly")
                    .withRetryAfter("1");
        }
        LOG.error("Unexpected failure while serving /mcp", failure);
        return HttpError.of(500, JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error; the server log has details");
    }

    private static int status(RequestRejectedException.Reason reason) {
        return switch (reason) {
            case SESSION_NOT_FOUND, METHOD_NOT_FOUND -> 404;
            case INSUFFICIENT_SCOPE -> 403;
            default -> 400;
        };
    }

    /** The JSON-RPC error code {@link #of} answers {@code failure} with, without logging it (for metrics). */
    static int code(Throwable failure) {
        if (failure instanceof TransportException transport) {
            return transport.error().code();
        }
        if (failure instanceof InvalidMessageException invalid) {
            return invalid.invalid().response().error().code();
        }
        if (failure instanceof JsonRpcException rpc) {
            return rpc.code();
        }
        if (failure instanceof RequestRejectedException rejected) {
            return rejected.code();
        }
        if (failure instanceof RateLimitedException) {
            return RateLimitedException.CODE;
        }
        return JsonRpcErrorCodes.INTERNAL_ERROR;
    }

    private static HttpError rejection(int status, int code, RequestRejectedException rejected) {
        return new HttpError(
                status,
                JsonRpcResponse.failure(rejected.id(), new JsonRpcError(code, rejected.getMessage(), rejected.data())),
                null,
                rejected.challenge());
    }
}
