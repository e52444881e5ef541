package dev.switchboard.bench;

import io.vertx.core.buffer.Buffer;

/** One HTTP answer as the load generator sees it. */
record Reply(int status, String contentType, String sessionId, Buffer body) {

    String text() {
        return body == null ? "" : body.toString();
    }
}
