package dev.switchboard.jsonrpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/** The error object of a failed response. {@code data} is optional and never a stack trace. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "message", "data"})
public record JsonRpcError(int code, String message, Object data) {

    public JsonRpcError {
        Objects.requireNonNull(message, "message");
    }

    public JsonRpcError(int code, String message) {
        this(code, message, null);
    }
}
