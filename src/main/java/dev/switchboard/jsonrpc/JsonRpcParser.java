package dev.switchboard.jsonrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a request body into JSON-RPC 2.0 messages, checking the envelope rules. Ids must be strings or integers
 * (never null or fractional) and params must be named (an object): the profile of JSON-RPC that MCP uses.
 */
public final class JsonRpcParser {

    private final ObjectMapper mapper;
    private final Function<StreamConstraintsException, String> limitMessage;

    public JsonRpcParser(ObjectMapper mapper) {
        this(mapper, e -> "The JSON exceeds a size limit: " + e.getOriginalMessage());
    }

    /**
     * @param limitMessage the parse error's message when the mapper's stream read constraints refuse a body, so it
     *     can name the limit and the setting behind it
     */
    public JsonRpcParser(ObjectMapper mapper, Function<StreamConstraintsException, String> limitMessage) {
        this.mapper = mapper;
        this.limitMessage = limitMessage;
    }

    /**
     * @throws JsonRpcException {@code -32700} when the body is not JSON, {@code -32600} when it is neither an object
     *     nor a non-empty array
     */
    public JsonRpcPayload parse(byte[] body) {
        JsonNode root = readTree(body);
        if (root.isObject()) {
            return JsonRpcPayload.single(entry(root));
        }
        if (root.isArray()) {
            if (root.isEmpty()) {
                throw JsonRpcException.invalidRequest("An empty batch is not a valid JSON-RPC request");
            }
            List<JsonRpcPayload.Entry> entries = new ArrayList<>(root.size());
            for (JsonNode element : root) {
                entries.add(entry(element));
            }
            return new JsonRpcPayload(true, entries);
        }
        throw JsonRpcException.invalidRequest(
                "The body must be a JSON-RPC message (a JSON object), got " + describe(root));
    }

    /** Reads one message from an already parsed tree. */
    public JsonRpcPayload.Entry entry(JsonNode node) {
        if (!node.isObject()) {
            return invalid(null, "A JSON-RPC message must be a JSON object, got " + describe(node));
        }
        JsonNode idNode = node.get("id");
        JsonRpcId id =
                idNode != null && (idNode.isTextual() || idNode.isIntegralNumber()) ? new JsonRpcId(idNode) : null;
        JsonNode version = node.get("jsonrpc");
        if (version == null || !JsonRpcMessage.VERSION.equals(version.textValue())) {
            return invalid(id, "The member \"jsonrpc\" must be the string \"2.0\"");
        }
        if (idNode != null && id == null) {
            return invalid(null, "The member \"id\" must be a string or an integer, got " + describe(idNode));
        }
        JsonNode method = node.get("method");
        if (method != null) {
            return request(id, method, node.get("params"));
        }
        return response(id, node);
    }

    private JsonRpcPayload.Entry request(JsonRpcId id, JsonNode method, JsonNode params) {
        if (!method.isTextual() || method.textValue().isEmpty()) {
            return invalid(id, "The member \"method\" must be a non-empty string");
        }
        ObjectNode namedParams = null;
        if (params != null && !params.isNull()) {
            if (params.isArray()) {
                return new JsonRpcPayload.Invalid(
                        id,
                        new JsonRpcError(
                                JsonRpcErrorCodes.INVALID_PARAMS,
                                "The member \"params\" must be an object of named parameters; positional (array)"
                                        + " parameters are not supported"));
            }
            if (!params.isObject()) {
                return invalid(id, "The member \"params\" must be an object, got " + describe(params));
            }
            namedParams = (ObjectNode) params;
        }
        JsonRpcMessage message = id == null
                ? new JsonRpcNotification(method.textValue(), namedParams)
                : new JsonRpcRequest(id, method.textValue(), namedParams);
        return new JsonRpcPayload.Valid(message);
    }

    private JsonRpcPayload.Entry response(JsonRpcId id, JsonNode node) {
        JsonNode result = node.get("result");
        JsonNode error = node.get("error");
        if (id == null || (result == null) == (error == null)) {
            return invalid(
                    id,
                    "A JSON-RPC message needs a \"method\" (request or notification), or an \"id\" with exactly one"
                            + " of \"result\" and \"error\" (response)");
        }
        if (result != null) {
            return new JsonRpcPayload.Valid(JsonRpcResponse.success(id, result));
        }
        JsonNode code = error.get("code");
        JsonNode message = error.get("message");
        if (code == null
                || !code.canConvertToInt()
                || !code.isIntegralNumber()
                || message == null
                || !message.isTextual()) {
            return invalid(
                    id, "The member \"error\" must be an object with an integer \"code\" and a string \"message\"");
        }
        return new JsonRpcPayload.Valid(
                JsonRpcResponse.failure(id, new JsonRpcError(code.intValue(), message.textValue(), error.get("data"))));
    }

    private JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new JsonRpcException(
                    JsonRpcErrorCodes.PARSE_ERROR, "The request body is empty; send a JSON-RPC message");
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR, "The request body holds no JSON value");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR, limitMessage.apply(e));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw new JsonRpcException(
                    JsonRpcErrorCodes.PARSE_ERROR, "The body is not valid JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new JsonRpcException(JsonRpcErrorCodes.PARSE_ERROR, "The body could not be read as JSON");
        }
    }

    private static JsonRpcPayload.Invalid invalid(JsonRpcId id, String message) {
        return new JsonRpcPayload.Invalid(id, new JsonRpcError(JsonRpcErrorCodes.INVALID_REQUEST, message));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
