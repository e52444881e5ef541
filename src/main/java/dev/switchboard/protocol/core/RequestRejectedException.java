package dev.switchboard.protocol.core;

import dev.switchboard.api.MissingClientCapabilityException;
import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcId;
import java.util.Map;

/**
 * A message the server refuses as a whole, before any method runs: the transport answers it with an HTTP error
 * status (mapped in one place) and a JSON-RPC error body.
 */
public class RequestRejectedException extends RuntimeException {

    /** Why the message was refused. */
    public enum Reason {
        /** A request after {@code initialize} came without a session id. */
        SESSION_REQUIRED,
        /** The session id is unknown, expired or deleted: the client must initialize again. */
        SESSION_NOT_FOUND,
        /** The message is not acceptable in this context, e.g. a batch outside 2025-03-26. */
        INVALID_REQUEST,
        /** 2026-07-28: the {@code _meta} envelope lacks a required key or has a malformed one (-32602). */
        INVALID_ENVELOPE,
        /** 2026-07-28: no such method in this revision (-32601, HTTP 404). */
        METHOD_NOT_FOUND,
        /** 2026-07-28: a required MCP header is missing or disagrees with the body (-32020). */
        HEADER_MISMATCH,
        /** The requested protocol revision is not served here (-32022, data lists the supported ones). */
        UNSUPPORTED_VERSION,
        /** 2026-07-28: serving the request needs a client capability the request did not declare (-32021). */
        MISSING_CAPABILITY,
        /** The caller's token lacks a scope the tool, resource or prompt needs (HTTP 403, step-up authorization). */
        INSUFFICIENT_SCOPE
    }

    /** MCP's error codes for refusals of 2026-07-28 requests. */
    public static final int HEADER_MISMATCH = -32020;

    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
    /** The session-era code for an unknown, expired or deleted session. */
    public static final int SESSION_NOT_FOUND = -32001;

    private final Reason reason;
    private final transient JsonRpcId id;
    private final transient Object data;
    private final String challenge;

    public RequestRejectedException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    /**
     * @param id the refused request's id, echoed in the error response, or null when unknown
     * @param data the JSON-RPC error's {@code data}, or null
     */
    public RequestRejectedException(Reason reason, String message, JsonRpcId id, Object data) {
        this(reason, message, id, data, null);
    }

    private RequestRejectedException(Reason reason, String message, JsonRpcId id, Object data, String challenge) {
        super(message, null, false, false);
        this.reason = reason;
        this.id = id;
        this.data = data;
        this.challenge = challenge;
    }

    public Reason reason() {
        return reason;
    }

    /** The JSON-RPC error code this refusal is answered with. */
    public int code() {
        return switch (reason) {
            case SESSION_REQUIRED, INVALID_REQUEST, INSUFFICIENT_SCOPE -> JsonRpcErrorCodes.INVALID_REQUEST;
            case SESSION_NOT_FOUND -> SESSION_NOT_FOUND;
            case INVALID_ENVELOPE -> JsonRpcErrorCodes.INVALID_PARAMS;
            case METHOD_NOT_FOUND -> JsonRpcErrorCodes.METHOD_NOT_FOUND;
            case HEADER_MISMATCH -> HEADER_MISMATCH;
            case UNSUPPORTED_VERSION -> UNSUPPORTED_PROTOCOL_VERSION;
            case MISSING_CAPABILITY -> MISSING_REQUIRED_CLIENT_CAPABILITY;
        };
    }

    public JsonRpcId id() {
        return id;
    }

    public Object data() {
        return data;
    }

    /** The {@code WWW-Authenticate} value to answer with, or null. */
    public String challenge() {
        return challenge;
    }

    /**
     * The caller may not use {@code what} without {@code scopes}: answered 403 with {@code challenge}, so the client
     * can ask the authorization server for them.
     */
    public static RequestRejectedException insufficientScope(
            JsonRpcId id, String what, java.util.Collection<String> scopes, String challenge) {
        return new RequestRejectedException(
                Reason.INSUFFICIENT_SCOPE,
                "Forbidden: " + what + " needs the scopes " + new java.util.TreeSet<>(scopes)
                        + "; obtain a token that grants them (see the WWW-Authenticate header)",
                id,
                Map.of("requiredScopes", new java.util.TreeSet<>(scopes)),
                challenge);
    }

    public static RequestRejectedException sessionRequired() {
        return new RequestRejectedException(
                Reason.SESSION_REQUIRED,
                "Missing Mcp-Session-Id header: send the id returned by initialize, or call initialize first");
    }

    public static RequestRejectedException sessionNotFound() {
        return new RequestRejectedException(
                Reason.SESSION_NOT_FOUND,
                "Session not found: it expired or was deleted; start a new one with initialize");
    }

    public static RequestRejectedException headerMismatch(JsonRpcId id, String message) {
        return new RequestRejectedException(Reason.HEADER_MISMATCH, "Header mismatch: " + message, id, null);
    }

    /** 2026-07-28: serving the request needs a client capability it did not declare (-32021, naming it in the data). */
    public static RequestRejectedException missingCapability(JsonRpcId id, MissingClientCapabilityException missing) {
        Map<String, Object> required = Map.of(missing.capability(), Map.of());
        return new RequestRejectedException(
                Reason.MISSING_CAPABILITY,
                "Missing required client capability: " + missing.getMessage() + "; declare it in _meta "
                        + MetaKeys.CLIENT_CAPABILITIES,
                id,
                Map.of("requiredCapabilities", required));
    }

    /** 2026-07-28: the request needs the tasks extension it did not declare (-32021, naming it in the data). */
    public static RequestRejectedException missingTasksExtension(JsonRpcId id, String why) {
        return new RequestRejectedException(
                Reason.MISSING_CAPABILITY,
                "Missing required client capability: " + why + "; declare the extension in _meta "
                        + MetaKeys.CLIENT_CAPABILITIES + " as {\"extensions\": {\"" + ServerCapabilities.TASKS_EXTENSION
                        + "\": {}}}",
                id,
                Map.of(
                        "requiredCapabilities",
                        Map.of("extensions", Map.of(ServerCapabilities.TASKS_EXTENSION, Map.of()))));
    }
}
