package dev.switchboard.transport;

import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.protocol.core.McpMethod;
import dev.switchboard.protocol.core.RequestRejectedException;
import io.vertx.core.MultiMap;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The request headers 2026-07-28 mirrors from the body ({@code Mcp-Method}, {@code Mcp-Name},
 * {@code Mcp-Param-*}): required, decoded from the Base64 sentinel form, and checked against the body, so a proxy
 * routing on a header and the server acting on the body cannot disagree. A failed check is a 400 with -32020.
 */
final class StatelessHeaders {

    private static final String SENTINEL_START = "=?base64?";
    private static final String SENTINEL_END = "?=";
    private static final Pattern BASE64 =
            Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    /** The methods whose {@code Mcp-Name} mirrors a body field, and which field. */
    private static final Map<String, String> NAME_SOURCE = Map.of(
            McpMethod.TOOLS_CALL.wire(), "name",
            McpMethod.PROMPTS_GET.wire(), "name",
            McpMethod.RESOURCES_READ.wire(), "uri",
            McpMethod.TASKS_GET.wire(), "taskId",
            McpMethod.TASKS_UPDATE.wire(), "taskId",
            McpMethod.TASKS_CANCEL.wire(), "taskId");

    private StatelessHeaders() {}

    /** Checks {@code Mcp-Method} and, where the method has one, {@code Mcp-Name} against the body. */
    static void checkStandard(JsonRpcRequest request, MultiMap headers) {
        String method = headers.get(McpHeaders.METHOD);
        if (method == null) {
            throw mismatch(
                    request, "the " + McpHeaders.METHOD + " header is required; it must be '" + request.method() + "'");
        }
        if (!method.trim().equals(request.method())) {
            throw mismatch(
                    request,
                    McpHeaders.METHOD + " header value '" + method + "' does not match body method '" + request.method()
                            + "' (values are case-sensitive)");
        }
        String field = NAME_SOURCE.get(request.method());
        if (field == null) {
            return;
        }
        String raw = headers.get(McpHeaders.NAME);
        String body = request.param(field).isTextual() ? request.param(field).textValue() : null;
        if (raw == null) {
            throw mismatch(
                    request,
                    "the " + McpHeaders.NAME + " header is required for " + request.method()
                            + (body == null ? "" : "; it must be '" + body + "'"));
        }
        String name = decode(request, McpHeaders.NAME, raw);
        if (!name.equals(body)) {
            throw mismatch(
                    request,
                    McpHeaders.NAME + " header value '" + name + "' does not match body params." + field + " '" + body
                            + "'");
        }
    }

    /** The {@code Mcp-Param-*} headers, decoded, by lower-case name after the prefix (a repeated one: its first). */
    static Map<String, String> params(JsonRpcRequest request, MultiMap headers) {
        Map<String, String> params = new HashMap<>();
        int prefix = McpHeaders.PARAM_PREFIX.length();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (name.length() > prefix && name.regionMatches(true, 0, McpHeaders.PARAM_PREFIX, 0, prefix)) {
                params.putIfAbsent(
                        name.substring(prefix).toLowerCase(Locale.ROOT), decode(request, name, header.getValue()));
            }
        }
        return params;
    }

    /** A header value, after Base64 sentinel decoding; plain values must be visible ASCII, spaces or tabs. */
    static String decode(JsonRpcRequest request, String header, String raw) {
        String value = raw.trim();
        if (value.startsWith(SENTINEL_START)
                && value.endsWith(SENTINEL_END)
                && value.length() >= SENTINEL_START.length() + SENTINEL_END.length()) {
            String encoded = value.substring(SENTINEL_START.length(), value.length() - SENTINEL_END.length());
            if (!BASE64.matcher(encoded).matches()) {
                throw mismatch(request, header + " is not valid Base64 between =?base64? and ?=");
            }
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)))
                        .toString();
            } catch (CharacterCodingException | IllegalArgumentException e) {
                throw mismatch(request, header + " does not decode to UTF-8 text");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c > 0x7E) && c != '\t') {
                throw mismatch(
                        request,
                        header + " contains a character outside visible ASCII; send such values as"
                                + " =?base64?<UTF-8 in Base64>?=");
            }
        }
        return value;
    }

    private static RequestRejectedException mismatch(JsonRpcRequest request, String message) {
        return RequestRejectedException.headerMismatch(request.id(), message);
    }
}
