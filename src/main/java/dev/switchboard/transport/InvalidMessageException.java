package dev.switchboard.transport;

import dev.switchboard.jsonrpc.JsonRpcPayload;

/** A single POSTed message broke the JSON-RPC rules: answered with 400 and the error, echoing its id if readable. */
final class InvalidMessageException extends RuntimeException {

    private final transient JsonRpcPayload.Invalid invalid;

    InvalidMessageException(JsonRpcPayload.Invalid invalid) {
        super(invalid.error().message(), null, false, false);
        this.invalid = invalid;
    }

    JsonRpcPayload.Invalid invalid() {
        return invalid;
    }
}
