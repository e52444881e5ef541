package dev.switchboard.transport;

import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** The {@code Accept} and {@code Content-Type} rules of a POST to {@code /mcp}. */
final class MediaTypeRules {

    private MediaTypeRules() {}

    /** Streamable HTTP clients must accept both JSON and SSE answers; wildcards count. */
    /** A POST must accept both answers (JSON and SSE) and send JSON: 406 or 415 otherwise. */
    static void requirePostable(String accept, String contentType) {
        if (!acceptsJsonAndEventStream(accept)) {
            throw refusal(
                    406, "Not Acceptable: the Accept header must list both application/json and text/event-stream");
        }
        if (!isJson(contentType)) {
            throw refusal(415, "Unsupported Media Type: send the JSON-RPC message with Content-Type: application/json");
        }
    }

    /** A GET opens an SSE stream, so it must accept one: 406 otherwise. */
    static void requireEventStream(String accept) {
        if (!acceptsEventStream(accept)) {
            throw refusal(406, "Not Acceptable: the GET stream is text/event-stream; list it in the Accept header");
        }
    }

    private static TransportException refusal(int status, String message) {
        return new TransportException(status, JsonRpcErrorCodes.INVALID_REQUEST, message);
    }

    static boolean acceptsJsonAndEventStream(String accept) {
        if (accept == null) {
            return false;
        }
        boolean json = false;
        boolean sse = false;
        for (String range : accept.split(",")) {
            String type = mediaType(range);
            switch (type) {
                case "*/*" -> {
                    json = true;
                    sse = true;
                }
                case MediaType.APPLICATION_JSON, "application/*" -> json = true;
                case McpHeaders.EVENT_STREAM, "text/*" -> sse = true;
                default -> {
                    // another type: irrelevant here
                }
            }
        }
        return json && sse;
    }

    static boolean acceptsEventStream(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String type = mediaType(range);
            if (type.equals(McpHeaders.EVENT_STREAM) || type.equals("text/*") || type.equals("*/*")) {
                return true;
            }
        }
        return false;
    }

    static boolean isJson(String contentType) {
        return contentType != null && mediaType(contentType).equals(MediaType.APPLICATION_JSON);
    }

    private static String mediaType(String value) {
        int parameters = value.indexOf(';');
        return (parameters < 0 ? value : value.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}
