package dev.switchboard.jsonrpc;

import java.util.List;

/**
 * What a POST body held: one message or a batch. Each entry is either a valid message or the error that answers an
 * invalid one, so a batch can mix both as JSON-RPC requires.
 */
public record JsonRpcPayload(boolean batch, List<Entry> entries) {

    public JsonRpcPayload {
        entries = List.copyOf(entries);
    }

    public static JsonRpcPayload single(Entry entry) {
        return new JsonRpcPayload(false, List.of(entry));
    }

    /** The only entry of a non-batch payload. */
    public Entry single() {
        return entries.get(0);
    }

    public sealed interface Entry permits Valid, Invalid {}

    public record Valid(JsonRpcMessage message) implements Entry {}

    /** A message that broke the rules. {@code id} is null when it could not be read. */
    public record Invalid(JsonRpcId id, JsonRpcError error) implements Entry {

        public JsonRpcResponse response() {
            return JsonRpcResponse.failure(id, error);
        }
    }
}
