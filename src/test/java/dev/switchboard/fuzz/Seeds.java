package dev.switchboard.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** Valid messages of both eras that the fuzzer starts from and mutates. */
final class Seeds {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SESSION_VERSION = "2025-11-25";
    static final String STATELESS_VERSION = "2026-07-28";

    private static final String META = """
            "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",\
            "io.modelcontextprotocol/clientInfo":{"name":"fuzz","version":"1.0"},\
            "io.modelcontextprotocol/clientCapabilities":{}}""";

    /** Session-era messages (sent with a real session id; {@code initialize} opens a new one). */
    static final List<ObjectNode> SESSION =
            parse("""
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
            "capabilities":{"sampling":{},"elicitation":{}},"clientInfo":{"name":"fuzz","version":"1.0"}}}""", """
            {"jsonrpc":"2.0","method":"notifications/initialized"}""", """
            {"jsonrpc":"2.0","id":"p","method":"ping","params":{"_meta":{"trace":"x"}}}""", """
            {"jsonrpc":"2.0","id":2,"method":"tools/list","params":{"cursor":"abc"}}""", """
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"weather.get",\
            "arguments":{"city":"Paris","days":2},"_meta":{"progressToken":"t1"}}}""", """
            {"jsonrpc":"2.0","id":4,"method":"weather.get","params":{"city":"Oslo"}}""", """
            {"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"calendar.add",\
            "arguments":{"title":"Sync","start":"2026-12-01T09:00:00Z"}}}""", """
            {"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"memory.remember",\
            "arguments":{"text":"The fuzzer was here"}}}""", """
            {"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"uri":"switchboard://session/calendar"}}""", """
            {"jsonrpc":"2.0","id":12,"method":"resources/read","params":{            "uri":"switchboard://workspaces/{workspace}/calendar"}}""", """
            {"jsonrpc":"2.0","id":13,"method":"prompts/get","params":{"name":"none","arguments":{"a":"b"}}}""", """
            {"jsonrpc":"2.0","id":14,"method":"tools/call","params":{"name":"calendar.update",            "arguments":{"id":"e1","title":"T","start":"not a date"}}}""", """
            {"jsonrpc":"2.0","id":8,"method":"resources/templates/list"}""", """
            {"jsonrpc":"2.0","id":9,"method":"completion/complete","params":{"ref":{"type":"ref/prompt",\
            "name":"p"},"argument":{"name":"a","value":"b"}}}""", """
            {"jsonrpc":"2.0","id":10,"method":"logging/setLevel","params":{"level":"debug"}}""", """
            {"jsonrpc":"2.0","id":11,"method":"resources/subscribe","params":{"uri":"switchboard://session/calendar"}}""", """
            {"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":3,"reason":"fuzz"}}""", """
            {"jsonrpc":"2.0","id":"srv-1","result":{"content":{"type":"text","text":"hi"}}}""", """
            {"jsonrpc":"2.0","id":"srv-2","error":{"code":-1,"message":"no"}}""");

    /** Stateless-era requests ({@code _meta} in the body, headers computed from it). */
    static final List<ObjectNode> STATELESS = parse(
            """
            {"jsonrpc":"2.0","id":1,"method":"server/discover","params":{%s}}""".formatted(META),
            """
            {"jsonrpc":"2.0","id":2,"method":"tools/list","params":{%s}}""".formatted(META),
            """
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"weather.get",\
            "arguments":{"city":"Paris"},%s}}""".formatted(META),
            """
            {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"workspace.open",\
            "arguments":{},%s}}""".formatted(META),
            """
            {"jsonrpc":"2.0","id":5,"method":"resources/list","params":{%s}}""".formatted(META),
            """
            {"jsonrpc":"2.0","id":6,"method":"prompts/list","params":{%s}}""".formatted(META),
            """
            {"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"weather.get","arguments":{"city":"Oslo"},            "requestState":"eyJhIjoxfQ.c2ln","inputResponses":{"ask":{"action":"accept","content":{"x":1}}},%s}}""".formatted(META),
            """
            {"jsonrpc":"2.0","id":9,"method":"resources/read","params":{            "uri":"switchboard://workspaces/ws-1/calendar.ics",%s}}""".formatted(META),
            """
            {"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"calendar.list",            "arguments":{"workspace":"ws-1"},%s}}""".formatted(META),
            """
            {"jsonrpc":"2.0","id":7,"method":"weather.get","params":{"city":"Rome",%s}}""".formatted(META));

    /** Values of every JSON type, to put where another type belongs. */
    static final List<JsonNode> WRONG_TYPES = parse(
            "null",
            "true",
            "0",
            "-1",
            "1.5",
            "9223372036854775808",
            "\"\"",
            "\"x\"",
            "[]",
            "{}",
            "[1,\"a\"]",
            "{\"a\":{}}");

    private Seeds() {}

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> List<T> parse(String... texts) {
        try {
            java.util.List<T> nodes = new java.util.ArrayList<>();
            for (String text : texts) {
                nodes.add((T) MAPPER.readTree(text));
            }
            return List.copyOf(nodes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
