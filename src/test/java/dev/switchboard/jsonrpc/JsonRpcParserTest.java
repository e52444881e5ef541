package dev.switchboard.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRpcParserTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonRpcParser parser = new JsonRpcParser(mapper);

    private JsonRpcPayload parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private JsonRpcMessage message(String json) {
        return assertInstanceOf(JsonRpcPayload.Valid.class, parse(json).single())
                .message();
    }

    private JsonRpcPayload.Invalid invalid(String json) {
        return assertInstanceOf(JsonRpcPayload.Invalid.class, parse(json).single());
    }

    @Test
    void readsRequestWithNumericIdAndParams() {
        JsonRpcRequest request = assertInstanceOf(
                JsonRpcRequest.class, message("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"m\",\"params\":{\"a\":1}}"));
        assertEquals("m", request.method());
        assertEquals(1, request.param("a").intValue());
        assertTrue(request.param("b").isMissingNode());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"\"abc\" | \"abc\"", "42 | 42", "12345678901234567890 | 12345678901234567890", "-3 | -3"})
    void echoesIdsExactly(String idJson, String expected) throws Exception {
        JsonRpcRequest request =
                (JsonRpcRequest) message("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"method\":\"ping\"}");
        String response = mapper.writeValueAsString(JsonRpcResponse.success(request.id(), java.util.Map.of()));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":" + expected + ",\"result\":{}}", response);
    }

    @Test
    void messageWithoutIdIsNotification() {
        JsonRpcNotification notification = assertInstanceOf(
                JsonRpcNotification.class, message("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        assertEquals("notifications/initialized", notification.method());
    }

    @Test
    void readsResponsesFromClients() {
        JsonRpcResponse ok =
                assertInstanceOf(JsonRpcResponse.class, message("{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{}}"));
        assertEquals("\"s1\"", ok.id().toString());
        JsonRpcResponse failed = assertInstanceOf(
                JsonRpcResponse.class,
                message("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-1,\"message\":\"no\"}}"));
        assertEquals(-1, failed.error().code());
    }

    @Test
    void notJsonIsParseError() {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> parse("{\"jsonrpc\": "));
        assertEquals(JsonRpcErrorCodes.PARSE_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("The body is not valid JSON"), e.getMessage());
    }

    @Test
    void emptyBodyIsParseError() {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> parser.parse(new byte[0]));
        assertEquals(JsonRpcErrorCodes.PARSE_ERROR, e.code());
    }

    @Test
    void scalarBodyAndEmptyBatchAreInvalidRequests() {
        assertEquals(
                JsonRpcErrorCodes.INVALID_REQUEST,
                assertThrows(JsonRpcException.class, () -> parse("42")).code());
        assertEquals(
                JsonRpcErrorCodes.INVALID_REQUEST,
                assertThrows(JsonRpcException.class, () -> parse("[]")).code());
    }

    @Test
    void wrongVersionIsInvalidButKeepsTheId() {
        JsonRpcPayload.Invalid invalid = invalid("{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"ping\"}");
        assertEquals(JsonRpcErrorCodes.INVALID_REQUEST, invalid.error().code());
        assertEquals("9", invalid.id().toString());
        assertTrue(invalid.error().message().contains("\"2.0\""));
    }

    @Test
    void nullOrFractionalIdsAreInvalid() {
        assertNull(
                invalid("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}").id());
        assertTrue(invalid("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}")
                .error()
                .message()
                .contains("string or an integer"));
    }

    @Test
    void methodMustBeAString() {
        assertTrue(invalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}")
                .error()
                .message()
                .contains("\"method\""));
    }

    @Test
    void positionalParamsAreInvalidParams() {
        JsonRpcPayload.Invalid invalid = invalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":[1]}");
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, invalid.error().code());
        assertEquals(
                JsonRpcErrorCodes.INVALID_REQUEST,
                invalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":3}")
                        .error()
                        .code());
    }

    @Test
    void messageWithoutMethodOrResultIsInvalid() {
        assertEquals(
                JsonRpcErrorCodes.INVALID_REQUEST,
                invalid("{\"jsonrpc\":\"2.0\",\"id\":1}").error().code());
        assertEquals(
                JsonRpcErrorCodes.INVALID_REQUEST,
                invalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{\"code\":1,\"message\":\"x\"}}")
                        .error()
                        .code());
    }

    @Test
    void batchKeepsValidAndInvalidEntriesInOrder() {
        JsonRpcPayload payload = parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}, 5,"
                + " {\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]");
        assertTrue(payload.batch());
        assertEquals(3, payload.entries().size());
        assertInstanceOf(JsonRpcPayload.Valid.class, payload.entries().get(0));
        assertInstanceOf(JsonRpcPayload.Invalid.class, payload.entries().get(1));
        assertInstanceOf(JsonRpcPayload.Valid.class, payload.entries().get(2));
    }

    @Test
    void responseRecordEnforcesResultXorError() {
        assertThrows(IllegalArgumentException.class, () -> new JsonRpcResponse(JsonRpcId.of(1), null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new JsonRpcResponse(JsonRpcId.of(1), "x", new JsonRpcError(1, "m")));
        assertThrows(IllegalArgumentException.class, () -> JsonRpcResponse.success(null, "x"));
    }
}
