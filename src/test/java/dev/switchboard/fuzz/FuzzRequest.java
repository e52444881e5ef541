package dev.switchboard.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One fuzz case as it goes on the wire: method, path (with query, relative to the server), headers in order (a name
 * may repeat) and body. {@link #toString()} is what a failure reports, enough to replay the case by hand.
 */
record FuzzRequest(String method, String path, List<Header> headers, byte[] body) {

    /** How much of a body a report shows. */
    private static final int SHOWN = 2048;

    record Header(String name, String value) {
        @Override
        public String toString() {
            return name + ": " + JsonRpcShape.abbreviate(value);
        }
    }

    static FuzzRequest post(byte[] body, Map<String, String> headers) {
        return new FuzzRequest("POST", "/mcp", list(headers), body);
    }

    static FuzzRequest get(Map<String, String> headers) {
        return new FuzzRequest("GET", "/mcp", list(headers), new byte[0]);
    }

    static FuzzRequest delete(Map<String, String> headers) {
        return new FuzzRequest("DELETE", "/mcp", list(headers), new byte[0]);
    }

    static List<Header> list(Map<String, String> headers) {
        List<Header> list = new ArrayList<>(headers.size());
        headers.forEach((name, value) -> list.add(new Header(name, value)));
        return list;
    }

    @Override
    public String toString() {
        return method + " " + path + " " + headers + " body (" + body.length + " bytes): " + shownBody();
    }

    /** The body as text, or as base64 when it is not UTF-8 (the exact bytes matter then); cut at 2 KB. */
    private String shownBody() {
        byte[] shown = body.length <= SHOWN ? body : java.util.Arrays.copyOf(body, SHOWN);
        String cut = body.length <= SHOWN ? "" : "... (cut)";
        try {
            return StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(ByteBuffer.wrap(shown))
                            .toString()
                    + cut;
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(shown) + cut;
        }
    }
}
