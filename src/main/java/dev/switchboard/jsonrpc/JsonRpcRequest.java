package dev.switchboard.jsonrpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/** A call that expects a response. {@code params} is an object or absent ({@code null}). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"jsonrpc", "id", "method", "params"})
public record JsonRpcRequest(JsonRpcId id, String method, ObjectNode params) implements JsonRpcMessage {

    public JsonRpcRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
    }

    @JsonProperty("jsonrpc")
    public String jsonrpc() {
        return VERSION;
    }

    /** A parameter by name, or a missing node when absent. */
    public JsonNode param(String name) {
        return params == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : params.path(name);
    }
}
