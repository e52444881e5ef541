package dev.switchboard.transport;

import dev.switchboard.jsonrpc.JsonRpcError;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;

/** An HTTP-level refusal: the status to send and the JSON-RPC error that explains it. */
class TransportException extends RuntimeException {

    private final int status;
    private final int code;

    TransportException(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** GET with a {@code Last-Event-ID} that names no event of the session that can still be replayed. */
    static TransportException cannotResume(String lastEventId) {
        return new TransportException(
                404,
                JsonRpcErrorCodes.INVALID_REQUEST,
                "Cannot resume from Last-Event-ID '" + lastEventId + "': unknown, expired, or not this session's;"
                        + " open a new stream without it");
    }

    int status() {
        return status;
    }

    JsonRpcError error() {
        return new JsonRpcError(code, getMessage());
    }
}
