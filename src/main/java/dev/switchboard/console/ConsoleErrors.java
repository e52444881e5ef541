package dev.switchboard.console;

import dev.switchboard.api.StoreUnavailableException;
import dev.switchboard.http.HttpError;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/** The console API's refusals, written as every refusal of this server is ({@link HttpError}). */
final class ConsoleErrors {

    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class);

    private ConsoleErrors() {}

    /** A request the client must change. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    static Response notFound(String message) {
        return HttpError.of(404, JsonRpcErrorCodes.INVALID_REQUEST, message).toResponse();
    }

    static Response of(Throwable failure) {
        if (failure instanceof BadRequest bad) {
            return HttpError.of(400, JsonRpcErrorCodes.INVALID_PARAMS, bad.getMessage())
                    .toResponse();
        }
        if (failure instanceof StoreUnavailableException unavailable) {
            LOG.warn(unavailable.getMessage());
            return HttpError.of(
                            503,
                            JsonRpcErrorCodes.INTERNAL_ERROR,
                            "Service Unavailable: the session store cannot be reached; retry shortly")
                    .withRetryAfter("1")
                    .toResponse();
        }
        LOG.error("Console API request failed", failure);
        return HttpError.of(500, JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error")
                .toResponse();
    }
}
