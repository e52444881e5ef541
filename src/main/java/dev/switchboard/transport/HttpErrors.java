package dev.switchboard.transport;

import dev.switchboard.api.StoreUnavailableException;
import dev.switchboard.jsonrpc.JsonRpcError;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.RequestRejectedException;
import dev.switchboard.security.limits.RateLimitedException;
import org.jboss.logging.Logger;

/** The one place where refusals and failures become HTTP statuses with a JSON-RPC error body. */
final class HttpErrors {

    private static final Logger LOG = Logger.getLogger(HttpErrors.class);
    static final int SESSION_NOT_FOUND = RequestRejectedException.SESSION_NOT_FOUND;

    /** An HTTP error answer: status, body, and optional {@code Retry-After} and {@code WWW-Authenticate} values. */
    record HttpError(int status, JsonRpcResponse body, String retryAfter, String challenge) {

        HttpError(int status, JsonRpcResponse body, String retryAfter) {
            this(status, body, retryAfter, null);
        }
    }

    private HttpErrors() {}

    static HttpError of(Throwable failure) {
        if (failure instanceof TransportException transport) {
            return new HttpError(transport.status(), JsonRpcResponse.failure(null, transport.error()), null);
        }
        if (failure instanceof InvalidMessageException invalid) {
            return new HttpError(400, invalid.invalid().response(), null);
        }
        if (failure instanceof JsonRpcException rpc) {
            return new HttpError(400, JsonRpcResponse.failure(null, rpc.toError()), null);
        }
        if (failure instanceof RequestRejectedException rejected) {
            return rejection(status(rejected.reason()), rejected.code(), rejected);
        }
        if (failure instanceof RateLimitedException limited) {
            // Expected under load and the client is told what to do: not worth a log line per refusal.
            return new HttpError(
                    429,
                    body(RateLimitedException.CODE, limited.getMessage()),
                    Long.toString(limited.retryAfterSeconds()));
        }
        if (failure instanceof StoreUnavailableException unavailable) {
            LOG.warn(unavailable.getMessage());
            return new HttpError(
                    503,
                    body(
                            JsonRpcErrorCodes.INTERNAL_ERROR,
                            "Service Unavailable: the session store cannot be reached; retry shortly"),
                    "1");
        }
        LOG.error("Unexpected failure while serving /mcp", failure);
        return error(500, JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error; the server log has details");
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

    static HttpError error(int status, int code, String message) {
        return new HttpError(status, body(code, message), null);
    }

    private static JsonRpcResponse body(int code, String message) {
        return JsonRpcResponse.failure(null, new JsonRpcError(code, message));
    }
}
