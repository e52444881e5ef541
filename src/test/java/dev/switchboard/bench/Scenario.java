package dev.switchboard.bench;

import io.vertx.core.Future;
import java.util.Locale;

/**
 * One benchmark scenario: what a virtual user prepares once (outside the measurement) and what one operation is.
 * An operation fails (counts as an error) when any answer is not 2xx, carries a JSON-RPC error or a tool error, or
 * lacks what the scenario expects.
 */
interface Scenario {

    /** Per virtual user state, e.g. its session. */
    final class User {
        final int index;
        String sessionId;
        long counter;

        User(int index) {
            this.index = index;
        }

        long next() {
            return ++counter;
        }
    }

    Future<Void> setUp(McpClient client, User user);

    Future<Void> operation(McpClient client, User user);

    /** A failed check, with a short reason for the error breakdown. */
    final class Failed extends RuntimeException {
        Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    static Future<Reply> expect(Future<Reply> reply, int status) {
        return reply.compose(r -> r.status() == status
                ? Future.succeededFuture(r)
                : Future.failedFuture(
                        new Failed("HTTP " + r.status() + " (expected " + status + "): " + abbreviate(r.text()))));
    }

    /** 200, a JSON-RPC result, and for tool calls no {@code isError: true}. */
    static Future<Reply> expectResult(Future<Reply> reply) {
        return expect(reply, 200).compose(r -> {
            String text = r.text();
            if (!text.contains("\"result\":")) {
                return Future.failedFuture(new Failed("no JSON-RPC result: " + abbreviate(text)));
            }
            if (text.contains("\"isError\":true")) {
                return Future.failedFuture(new Failed("tool error: " + abbreviate(text)));
            }
            return Future.succeededFuture(r);
        });
    }

    static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "...";
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
