package dev.switchboard.jsonrpc;

/**
 * A failure that becomes a JSON-RPC error response. The message is shown to the client, so it must say what was
 * wrong and how to fix it.
 */
public class JsonRpcException extends RuntimeException {

    private final int code;
    private final transient Object data;

    public JsonRpcException(int code, String message) {
        this(code, message, null);
    }

    public JsonRpcException(int code, String message, Object data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public static JsonRpcException invalidRequest(String message) {
        return new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST, message);
    }

    public static JsonRpcException methodNotFound(String method) {
        return new JsonRpcException(JsonRpcErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method);
    }

    public static JsonRpcException invalidParams(String message) {
        return new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, message);
    }

    public int code() {
        return code;
    }

    public JsonRpcError toError() {
        return new JsonRpcError(code, getMessage(), data);
    }
}
