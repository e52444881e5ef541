package dev.switchboard.jsonrpc;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/**
 * A request id, kept as the JSON node the client sent so it is echoed back exactly: a string stays a string, a
 * number keeps its digits.
 */
@RegisterForReflection
public record JsonRpcId(@JsonValue JsonNode value) {

    public JsonRpcId {
        Objects.requireNonNull(value, "value");
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw new IllegalArgumentException("A JSON-RPC id must be a string or an integer, got " + value);
        }
    }

    public static JsonRpcId of(String value) {
        return new JsonRpcId(TextNode.valueOf(value));
    }

    public static JsonRpcId of(long value) {
        return new JsonRpcId(LongNode.valueOf(value));
    }

    /** The id in a form usable as a map key: numbers and strings never collide. */
    public String key() {
        return value.isTextual() ? "s:" + value.textValue() : "n:" + value.asText();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
