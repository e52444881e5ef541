package dev.switchboard.transport;

import dev.switchboard.jsonrpc.JsonRpcError;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.RequestRejectedException;
import dev.switchboard.session.SessionStoreUnavailableException;
import org.jboss.logging.Logger;

/** The one place where refusals and failures become HTTP statuses with a JSON-RPC error body. */
final class HttpErrors {

    private static final Logger LOG = Logger.getLogger(HttpErrors.class);
    static final int SESSION_NOT_FOUND = -32001;

    /** An HTTP error answer: status, body, and an optional {@code Retry-After}. */
    record HttpError(int status, JsonRpcResponse body, String retryAfter) {}

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
            return switch (rejected.reason()) {
                case SESSION_REQUIRED, INVALID_REQUEST -> rejection(400, JsonRpcErrorCodes.INVALID_REQUEST, rejected);
                case SESSION_NOT_FOUND -> rejection(404, SESSION_NOT_FOUND, rejected);
                case INVALID_ENVELOPE -> rejection(400, JsonRpcErrorCodes.INVALID_PARAMS, rejected);
                case METHOD_NOT_FOUND -> rejection(404, JsonRpcErrorCodes.METHOD_NOT_FOUND, rejected);
                case HEADER_MISMATCH -> rejection(400, RequestRejectedException.HEADER_MISMATCH, rejected);
                case UNSUPPORTED_VERSION ->
                    rejection(400, RequestRejectedException.UNSUPPORTED_PROTOCOL_VERSION, rejected);
                case MISSING_CAPABILITY ->
                    rejection(400, RequestRejectedException.MISSING_REQUIRED_CLIENT_CAPABILITY, rejected);
            };
        }
        if (failure instanceof SessionStoreUnavailableException unavailable) {
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

    private static HttpError rejection(int status, int code, RequestRejectedException rejected) {
        return new HttpError(
                status,
                JsonRpcResponse.failure(rejected.id(), new JsonRpcError(code, rejected.getMessage(), rejected.data())),
                null);
    }

    static HttpError error(int status, int code, String message) {
        return new HttpError(status, body(code, message), null);
    }

    private static JsonRpcResponse body(int code, String message) {
        return JsonRpcResponse.failure(null, new JsonRpcError(code, message));
    }
}
