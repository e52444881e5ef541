package dev.switchboard.protocol.core;

import dev.switchboard.api.StoreUnavailableException;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** The one place where a request's failure becomes a JSON-RPC error response, in either era. */
public final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    /**
     * Whether a request's failure is answered in the JSON-RPC response. Not so for a rejection of the request itself,
     * nor for a store that cannot be reached (a Redis failover, say): the transport answers those with their HTTP
     * status, {@code 503} with {@code Retry-After} for the store, so a client retries instead of giving up.
     */
    public static boolean inBand(Throwable failure) {
        return !(failure instanceof RequestRejectedException) && !(failure instanceof StoreUnavailableException);
    }

    /**
     * The request's result as its response, or its failure as its error when that is {@linkplain #inBand answered in
     * band}, in one Mutiny operator, as this runs for every request.
     */
    public static Uni<JsonRpcResponse> answer(JsonRpcRequest request, Supplier<Uni<?>> work) {
        Uni<?> result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            result = Uni.createFrom().failure(e);
        }
        return result.onItemOrFailure().transformToUni((item, failure) -> {
            if (failure == null) {
                return Uni.createFrom().item(item == null ? null : JsonRpcResponse.success(request.id(), item));
            }
            return inBand(failure)
                    ? Uni.createFrom().item(of(request, failure))
                    : Uni.createFrom().failure(failure);
        });
    }

    /** A {@link JsonRpcException} as it says; anything else logged and answered as "Internal error". */
    public static JsonRpcResponse of(JsonRpcRequest request, Throwable failure) {
        if (failure instanceof JsonRpcException rpc) {
            return JsonRpcResponse.failure(request.id(), rpc.toError());
        }
        LOG.errorf(failure, "Request %s (%s) failed", request.id(), request.method());
        return JsonRpcResponse.failure(
                request.id(),
                new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error; the server log has details")
                        .toError());
    }
}
