package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/** The JSON-RPC messages sent to one upstream: ids unique for it, the 2026-07-28 envelope where it speaks that. */
final class UpstreamMessages {

    private final ObjectMapper mapper;
    private final AtomicLong ids = new AtomicLong();

    UpstreamMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** A request in {@code session} (null: before one); in 2026-07-28 its params carry the envelope. */
    ObjectNode request(String method, ObjectNode params, UpstreamSession session) {
        if (session != null && session.stateless()) {
            StatelessUpstream.envelope(params, mapper);
        }
        ObjectNode message = mapper.createObjectNode()
                .put("jsonrpc", "2.0")
                .put("id", ids.incrementAndGet())
                .put("method", method);
        message.set("params", params);
        return message;
    }

    ObjectNode notification(String method) {
        return mapper.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    }
}
