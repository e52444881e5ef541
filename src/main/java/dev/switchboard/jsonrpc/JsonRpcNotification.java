package dev.switchboard.jsonrpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/** A one-way message: no id, never answered. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"jsonrpc", "method", "params"})
public record JsonRpcNotification(String method, ObjectNode params) implements JsonRpcMessage {

    public JsonRpcNotification {
        Objects.requireNonNull(method, "method");
    }

    @JsonProperty("jsonrpc")
    public String jsonrpc() {
        return VERSION;
    }
}
