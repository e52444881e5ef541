package dev.switchboard.transport;

import dev.switchboard.jsonrpc.JsonRpcError;

/** An HTTP-level refusal: the status to send and the JSON-RPC error that explains it. */
class TransportException extends RuntimeException {

    private final int status;
    private final int code;

    TransportException(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    JsonRpcError error() {
        return new JsonRpcError(code, getMessage());
    }
}
