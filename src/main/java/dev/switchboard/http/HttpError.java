package dev.switchboard.http;

import dev.switchboard.jsonrpc.JsonRpcError;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An HTTP refusal as every part of the server writes it: a status, a JSON-RPC error body, and the optional
 * {@code Retry-After} and {@code WWW-Authenticate} values. The endpoint, the Origin filter and the bearer-token filter
 * all answer with one, so a client reads every refusal of {@code /mcp} the same way.
 */
public record HttpError(int status, JsonRpcResponse body, String retryAfter, String challenge) {

    /** A refusal without a request id: the request could not be read, or was refused before its body was. */
    public static HttpError of(int status, int code, String message) {
        return new HttpError(status, JsonRpcResponse.failure(null, new JsonRpcError(code, message)), null, null);
    }

    public HttpError withRetryAfter(String seconds) {
        return new HttpError(status, body, seconds, challenge);
    }

    public HttpError withChallenge(String value) {
        return new HttpError(status, body, retryAfter, value);
    }

    /** The refusal as a JAX-RS response, for filters and resources that return one. */
    public Response toResponse() {
        Response.ResponseBuilder builder =
                Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        if (challenge != null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return builder.build();
    }
}
