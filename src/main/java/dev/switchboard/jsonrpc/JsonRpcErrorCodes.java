package dev.switchboard.jsonrpc;

/** The error codes JSON-RPC 2.0 reserves. */
public final class JsonRpcErrorCodes {

    /** The body is not valid JSON. */
    public static final int PARSE_ERROR = -32700;
    /** The JSON is not a valid JSON-RPC message. */
    public static final int INVALID_REQUEST = -32600;
    /** No such method. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** The method exists but its parameters are wrong. */
    public static final int INVALID_PARAMS = -32602;
    /** The server failed; details stay in its log. */
    public static final int INTERNAL_ERROR = -32603;

    private JsonRpcErrorCodes() {}
}
