package dev.switchboard.bench;

import io.vertx.core.Future;
import java.util.List;

/** The scenarios of scripts/bench.sh, by name. */
final class McpScenarios {

    private McpScenarios() {}

    static final List<String> NAMES =
            List.of("tools-call", "session-cycle", "tools-list", "progress-sse", "stateless-call", "upstream-call");

    /** @param deleteStatus what the server answers a session's DELETE: 204 here, 200 from the Quarkiverse server */
    static Scenario byName(String name, int deleteStatus) {
        return switch (name) {
            case "tools-call" -> new ToolsCall(McpScenarios::weatherCall);
            case "upstream-call" -> new ToolsCall(McpScenarios::upstreamCall);
            case "session-cycle" -> new SessionCycle(deleteStatus);
            case "tools-list" -> new ToolsList();
            case "progress-sse" -> new ProgressSse();
            case "stateless-call" -> new StatelessCall();
            default -> throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: " + NAMES);
        };
    }

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"" + McpClient.SESSION_VERSION + "\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"switchboard-bench\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    static String weatherCall(long id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"weather.get\","
                + "\"arguments\":{\"city\":\"Paris\"}}}";
    }

    /** {@code everything.echo}: a tool of the upstream {@code everything} (docs/upstreams.md), served through us. */
    static String upstreamCall(long id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"everything.echo\",\"arguments\":{\"message\":\"Paris\"}}}";
    }

    /** initialize + notifications/initialized; leaves the session id in the user. */
    static Future<Void> openSession(McpClient client, Scenario.User user) {
        return Scenario.expectResult(client.post(null, INITIALIZE))
                .compose(reply -> {
                    if (reply.sessionId() == null) {
                        return Future.failedFuture(new Scenario.Failed("initialize answered no Mcp-Session-Id"));
                    }
                    user.sessionId = reply.sessionId();
                    return Scenario.expect(client.post(user.sessionId, INITIALIZED), 202);
                })
                .mapEmpty();
    }

    /**
     * a. {@code tools/call} on the user's session, JSON answer: of {@code weather.get}, or (upstream-call) of a tool an
     * upstream server serves through us.
     */
    static final class ToolsCall implements Scenario {
        private final java.util.function.LongFunction<String> call;

        ToolsCall(java.util.function.LongFunction<String> call) {
            this.call = call;
        }

        @Override
        public Future<Void> setUp(McpClient client, User user) {
            return openSession(client, user);
        }

        @Override
        public Future<Void> operation(McpClient client, User user) {
            return Scenario.expectResult(client.post(user.sessionId, call.apply(user.next())))
                    .compose(reply -> Scenario.lower(reply.contentType()).startsWith("application/json")
                            ? Future.succeededFuture()
                            : Future.failedFuture(new Failed("not JSON: " + reply.contentType())));
        }
    }

    /** b. A whole session per operation: initialize, notifications/initialized, tools/call, DELETE. */
    static final class SessionCycle implements Scenario {
        private final int deleteStatus;

        SessionCycle(int deleteStatus) {
            this.deleteStatus = deleteStatus;
        }

        @Override
        public Future<Void> setUp(McpClient client, User user) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> operation(McpClient client, User user) {
            return openSession(client, user)
                    .compose(ignored -> Scenario.expectResult(client.post(user.sessionId, weatherCall(1))))
                    .compose(ignored -> Scenario.expect(client.delete(user.sessionId), deleteStatus))
                    .mapEmpty();
        }
    }

    /** c. A complete {@code tools/list}: every page, following {@code nextCursor}. */
    static final class ToolsList implements Scenario {
        @Override
        public Future<Void> setUp(McpClient client, User user) {
            return openSession(client, user);
        }

        @Override
        public Future<Void> operation(McpClient client, User user) {
            return page(client, user, null);
        }

        private Future<Void> page(McpClient client, User user, String cursor) {
            String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + user.next() + ",\"method\":\"tools/list\",\"params\":"
                    + params + "}";
            return Scenario.expectResult(client.post(user.sessionId, body)).compose(reply -> {
                String next = nextCursor(reply.text());
                return next == null ? Future.succeededFuture() : page(client, user, next);
            });
        }

        /** The cursor is an opaque string without quotes or escapes, so a scan beats a JSON parse here. */
        static String nextCursor(String json) {
            String key = "\"nextCursor\":\"";
            int at = json.lastIndexOf(key);
            if (at < 0) {
                return null;
            }
            int start = at + key.length();
            return json.substring(start, json.indexOf('"', start));
        }
    }

    /** d. {@code tools/call} with a progressToken: an SSE answer with three progress notifications. */
    static final class ProgressSse implements Scenario {
        @Override
        public Future<Void> setUp(McpClient client, User user) {
            return openSession(client, user);
        }

        @Override
        public Future<Void> operation(McpClient client, User user) {
            long id = user.next();
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"bench.progress\",\"arguments\":{},\"_meta\":{\"progressToken\":" + id + "}}}";
            return Scenario.expectResult(client.post(user.sessionId, body)).compose(reply -> {
                if (!Scenario.lower(reply.contentType()).startsWith("text/event-stream")) {
                    return Future.failedFuture(new Failed("not an SSE stream: " + reply.contentType()));
                }
                int progress = count(reply.text(), "notifications/progress");
                return progress == 3
                        ? Future.succeededFuture()
                        : Future.failedFuture(new Failed(progress + " progress notifications instead of 3"));
            });
        }

        private static int count(String text, String needle) {
            int n = 0;
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
                n++;
            }
            return n;
        }
    }

    /** e. A 2026-07-28 {@code tools/call}: no session, the revision's headers and {@code _meta}. */
    static final class StatelessCall implements Scenario {
        @Override
        public Future<Void> setUp(McpClient client, User user) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> operation(McpClient client, User user) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + user.next() + ",\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"weather.get\",\"arguments\":{\"city\":\"Paris\"},\"_meta\":{"
                    + "\"io.modelcontextprotocol/protocolVersion\":\"" + McpClient.STATELESS_VERSION + "\","
                    + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
            return Scenario.expectResult(client.postStateless("tools/call", "weather.get", body))
                    .mapEmpty();
        }
    }
}
