package dev.switchboard.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.jsonrpc.JsonRpcPayload;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.protocol.core.Era;
import dev.switchboard.protocol.core.McpMethod;
import dev.switchboard.protocol.core.MetaKeys;
import dev.switchboard.protocol.core.ProtocolVersion;
import dev.switchboard.protocol.core.RequestRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which {@link Era} a POST belongs to, and the requests that belong to none. A request whose {@code _meta} names a protocol version, or whose
 * {@code MCP-Protocol-Version} header says 2026-07-28, is stateless (even {@code initialize}, which that revision
 * does not have); anything else is served by the session era. Contradictions are refused with the error a client of either era can act on.
 */
final class EraRules {

    private EraRules() {}

    static Era of(JsonRpcPayload payload, String header) {
        boolean modernHeader = ProtocolVersion.V2026_07_28.wire().equals(header);
        String claim = payload.batch() ? null : claimedVersion(payload.single());
        if (payload.batch()) {
            if (modernHeader || payload.entries().stream().anyMatch(entry -> claimedVersion(entry) != null)) {
                throw new RequestRejectedException(
                        RequestRejectedException.Reason.INVALID_REQUEST,
                        "Protocol revision " + ProtocolVersion.V2026_07_28.wire()
                                + " takes one JSON-RPC message per POST," + " not a batch");
            }
            return checkedSessionHeader(header);
        }
        if (claim == null && !modernHeader) {
            // initialize negotiates the revision itself, whatever header a client sends with it.
            return isInitialize(payload.single()) ? Era.SESSION : checkedSessionHeader(header);
        }
        JsonRpcId id = payload.single() instanceof JsonRpcPayload.Valid valid
                        && valid.message() instanceof JsonRpcRequest request
                ? request.id()
                : null;
        if (claim != null && header != null && !claim.equals(header)) {
            throw RequestRejectedException.headerMismatch(
                    id,
                    McpHeaders.PROTOCOL_VERSION + " header '" + header + "' does not match _meta "
                            + MetaKeys.PROTOCOL_VERSION + " '" + claim + "'");
        }
        if (claim != null && !ProtocolVersion.supported(Era.STATELESS).contains(claim)) {
            throw unsupported(id, claim, ProtocolVersion.supported(Era.STATELESS));
        }
        if (header == null) {
            throw RequestRejectedException.headerMismatch(
                    id, "the " + McpHeaders.PROTOCOL_VERSION + " header is required; it must be '" + claim + "'");
        }
        if (!(payload.single() instanceof JsonRpcPayload.Valid valid)
                || !(valid.message() instanceof JsonRpcRequest || valid.message() instanceof JsonRpcNotification)) {
            throw new RequestRejectedException(
                    RequestRejectedException.Reason.INVALID_REQUEST,
                    "Clients of protocol revision " + ProtocolVersion.V2026_07_28.wire()
                            + " send requests and notifications only, never responses");
        }
        return Era.STATELESS;
    }

    /** 2026-07-28 has no session to end and no standalone stream: its clients only POST (405 otherwise). */
    static void requireSessionEra(String protocolVersion, String method) {
        if (ProtocolVersion.V2026_07_28.wire().equals(protocolVersion)) {
            throw new TransportException(
                    405,
                    JsonRpcErrorCodes.INVALID_REQUEST,
                    "Method Not Allowed: protocol revision " + ProtocolVersion.V2026_07_28.wire()
                            + " has no sessions or" + " standalone streams, so " + method
                            + " is not served; POST requests instead");
        }
    }

    /** A session-era request may omit the header (2025-03-26 is assumed) but not name a revision we do not serve. */
    static Era checkedSessionHeader(String header) {
        if (header != null
                && ProtocolVersion.of(header)
                        .filter(v -> v.era() == Era.SESSION)
                        .isEmpty()) {
            List<String> all = new ArrayList<>(ProtocolVersion.supported(Era.STATELESS));
            List<String> sessionEra = new ArrayList<>(ProtocolVersion.supported(Era.SESSION));
            java.util.Collections.reverse(sessionEra);
            all.addAll(sessionEra); // newest first
            throw unsupported(null, header, all);
        }
        return Era.SESSION;
    }

    private static RequestRejectedException unsupported(JsonRpcId id, String requested, List<String> supported) {
        return new RequestRejectedException(
                RequestRejectedException.Reason.UNSUPPORTED_VERSION,
                "Unsupported protocol version '" + requested + "'; supported: " + String.join(", ", supported),
                id,
                Map.of("supported", supported, "requested", requested));
    }

    private static boolean isInitialize(JsonRpcPayload.Entry entry) {
        return entry instanceof JsonRpcPayload.Valid valid
                && valid.message() instanceof JsonRpcRequest request
                && McpMethod.INITIALIZE.wire().equals(request.method());
    }

    /** The version a message's {@code _meta} names, or null: the mark of a 2026-07-28 client. */
    private static String claimedVersion(JsonRpcPayload.Entry entry) {
        if (!(entry instanceof JsonRpcPayload.Valid valid)) {
            return null;
        }
        JsonNode params = valid.message() instanceof JsonRpcRequest request
                ? request.params()
                : valid.message() instanceof JsonRpcNotification notification ? notification.params() : null;
        JsonNode version = params == null ? null : params.path("_meta").get(MetaKeys.PROTOCOL_VERSION);
        return version == null ? null : version.isTextual() ? version.textValue() : version.toString();
    }
}
