package dev.switchboard.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends MCP messages over one shared Vert.x {@link HttpClient}. Everything is non-blocking: a virtual user waits for
 * its answer without holding a thread, so hundreds of connections cost one event-loop thread.
 */
final class McpClient {

    static final String SESSION_VERSION = "2025-11-25";
    static final String STATELESS_VERSION = "2026-07-28";

    /** Requests sent so far: operations of some scenarios take several (a session cycle four, a listing its pages). */
    final LongAdder requests = new LongAdder();

    private final HttpClient http;
    private final String path;

    McpClient(HttpClient http, String path) {
        this.http = http;
        this.path = path;
    }

    /** A session-era POST; {@code sessionId} null for {@code initialize}. */
    Future<Reply> post(String sessionId, String body) {
        RequestOptions options = base(HttpMethod.POST);
        if (sessionId != null) {
            options.putHeader("Mcp-Session-Id", sessionId).putHeader("MCP-Protocol-Version", SESSION_VERSION);
        }
        return send(options, body);
    }

    /** A 2026-07-28 POST with the headers that revision requires. */
    Future<Reply> postStateless(String method, String name, String body) {
        RequestOptions options = base(HttpMethod.POST)
                .putHeader("MCP-Protocol-Version", STATELESS_VERSION)
                .putHeader("Mcp-Method", method);
        if (name != null) {
            options.putHeader("Mcp-Name", name);
        }
        return send(options, body);
    }

    Future<Reply> delete(String sessionId) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.DELETE)
                .setURI(path)
                .putHeader("Mcp-Session-Id", sessionId)
                .putHeader("MCP-Protocol-Version", SESSION_VERSION);
        return send(options, null);
    }

    private RequestOptions base(HttpMethod method) {
        return new RequestOptions()
                .setMethod(method)
                .setURI(path)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json, text/event-stream");
    }

    private Future<Reply> send(RequestOptions options, String body) {
        options.setIdleTimeout(30_000);
        requests.increment();
        return http.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body()
                        .map(buffer -> new Reply(
                                response.statusCode(),
                                response.getHeader("Content-Type"),
                                response.getHeader("Mcp-Session-Id"),
                                buffer)));
    }
}
