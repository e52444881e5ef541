package dev.switchboard.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.registry.HeaderParam;
import dev.switchboard.registry.RegisteredTool;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * 2026-07-28 {@code Mcp-Param-*} headers: a tool that mirrors arguments into headers ({@code x-mcp-header}) gets
 * them on every call, and each must carry its argument's value, so intermediaries can route on headers they can trust.
 */
final class MirroredHeaders {

    private MirroredHeaders() {}

    /**
     * Refuses a call whose headers and arguments disagree.
     *
     * @param headers the decoded {@code Mcp-Param-*} headers, by lower-case name after the prefix
     * @throws RequestRejectedException naming the header and the argument
     */
    static void check(RegisteredTool tool, JsonRpcRequest request, Map<String, String> headers) {
        JsonNode arguments = request.param("arguments");
        for (HeaderParam param : tool.headerParams()) {
            JsonNode value = param.valueIn(arguments);
            String header = headers.get(param.header().toLowerCase(Locale.ROOT));
            String name = "Mcp-Param-" + param.header();
            String argument = "arguments." + String.join(".", param.path());
            if (value == null) {
                if (header != null) {
                    throw RequestRejectedException.headerMismatch(
                            request.id(), name + " is set but " + argument + " is absent");
                }
            } else if (header == null) {
                throw RequestRejectedException.headerMismatch(
                        request.id(),
                        name + " is required: tool '" + tool.name() + "' mirrors " + argument + " into it");
            } else if (!matches(param, value, header)) {
                throw RequestRejectedException.headerMismatch(
                        request.id(), name + " value '" + header + "' does not match " + argument);
            }
        }
    }

    private static boolean matches(HeaderParam param, JsonNode value, String header) {
        return switch (param.type()) {
            case "integer" -> {
                try {
                    yield value.isNumber() && new BigDecimal(header).compareTo(value.decimalValue()) == 0;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case "boolean" -> value.isBoolean() && header.equals(value.asText());
            default -> value.isTextual() && header.equals(value.textValue());
        };
    }
}
