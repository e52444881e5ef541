package dev.switchboard.jsonrpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to a request: a result or an error, never both. The id is absent only on an error answering a message
 * whose id could not be read.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"jsonrpc", "id", "result", "error"})
public record JsonRpcResponse(JsonRpcId id, Object result, JsonRpcError error) implements JsonRpcMessage {

    public JsonRpcResponse {
        if ((result == null) == (error == null)) {
            throw new IllegalArgumentException("A response carries exactly one of result and error");
        }
        if (id == null && error == null) {
            throw new IllegalArgumentException("A successful response needs the request id");
        }
    }

    public static JsonRpcResponse success(JsonRpcId id, Object result) {
        return new JsonRpcResponse(id, result, null);
    }

    public static JsonRpcResponse failure(JsonRpcId id, JsonRpcError error) {
        return new JsonRpcResponse(id, null, error);
    }

    @JsonProperty("jsonrpc")
    public String jsonrpc() {
        return VERSION;
    }
}
