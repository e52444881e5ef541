package dev.switchboard.jsonrpc;

/** One JSON-RPC 2.0 message: a request, a notification or a response. */
public sealed interface JsonRpcMessage permits JsonRpcRequest, JsonRpcNotification, JsonRpcResponse {

    /** The protocol marker every message carries. */
    String VERSION = "2.0";
}
