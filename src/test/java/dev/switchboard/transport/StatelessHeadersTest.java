package dev.switchboard.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.protocol.core.RequestRejectedException;
import org.junit.jupiter.api.Test;

class StatelessHeadersTest {

    private static final JsonRpcRequest REQUEST = new JsonRpcRequest(JsonRpcId.of(1), "tools/list", null);

    private static String decode(String raw) {
        return StatelessHeaders.decode(REQUEST, "Mcp-Name", raw);
    }

    @Test
    void plainValuesAreTrimmedAndSentinelValuesDecoded() {
        assertEquals("us-west1", decode("us-west1"));
        assertEquals("weather.get", decode("  weather.get  "));
        assertEquals("Hello, 世界", decode("=?base64?SGVsbG8sIOS4lueVjA==?="));
        assertEquals(" padded ", decode("=?base64?IHBhZGRlZCA=?="));
        assertEquals("=?base64?literal?=", decode("=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?="));
        // Without both markers the value is literal.
        assertEquals("=?base64?SGVsbG8=", decode("=?base64?SGVsbG8="));
        assertEquals("SGVsbG8=", decode("SGVsbG8="));
    }

    @Test
    void malformedValuesAreHeaderMismatches() {
        for (String bad :
                new String[] {"=?base64?SGVsbG8?=", "=?base64?SGVs!!!bG8=?=", "=?base64?/w==?=", "caf\u00e9"}) {
            RequestRejectedException refused = assertThrows(RequestRejectedException.class, () -> decode(bad), bad);
            assertEquals(RequestRejectedException.Reason.HEADER_MISMATCH, refused.reason());
            assertEquals(JsonRpcId.of(1), refused.id());
        }
    }
}
