package dev.switchboard.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcNotification;
import dev.switchboard.protocol.McpReply;
import dev.switchboard.testing.Gate;
import dev.switchboard.testing.TestVertx;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session-era send holds the exchange's lock across a round trip to Redis. An event loop that waited for that lock
 * could be the very thread that must read Redis's reply: both stalled until the log's timeout. The reply that an event
 * loop hands over must not wait.
 */
class ExchangeLockTest {

    @RegisterExtension
    static final TestVertx VERTX = new TestVertx();

    @Test
    void aReplyOnTheEventLoopNeverWaitsForASendThatIsWritingTheLog() throws Exception {
        Context context = VERTX.context();
        HeldStream stream = new HeldStream();
        Exchange exchange = TestVertx.on(
                        context,
                        () -> new Exchange(
                                response(), null, SseImpl.INSTANCE, new JsonCodec(new ObjectMapper()), stream))
                .get(5, TimeUnit.SECONDS);
        CompletableFuture<Boolean> sent = CompletableFuture.supplyAsync(
                () -> exchange.send(new JsonRpcNotification("notifications/progress", null)));
        Thread eventLoop;
        try {
            assertTrue(stream.gate.holdsOne(), "the send writes to the log");
            eventLoop = TestVertx.on(context, () -> {
                        exchange.reply(new McpReply.Respond(Map.of("jsonrpc", "2.0"), null));
                        return Thread.currentThread();
                    })
                    .get(2, TimeUnit.SECONDS);
        } finally {
            stream.gate.open();
        }
        assertTrue(sent.get(5, TimeUnit.SECONDS));
        assertTrue(stream.finished.await(5, TimeUnit.SECONDS), "the response ends the stream");
        assertEquals(List.of("{\"jsonrpc\":\"2.0\"}"), stream.finishes);
        assertNotSame(eventLoop, stream.finisher, "the stream is ended off the event loop");
    }

    /** A response that takes headers and is never closed (the stream under test is faked). */
    private static HttpServerResponse response() {
        return (HttpServerResponse) Proxy.newProxyInstance(
                HttpServerResponse.class.getClassLoader(),
                new Class<?>[] {HttpServerResponse.class},
                (proxy, method, args) -> method.getReturnType() == HttpServerResponse.class
                        ? proxy
                        : method.getReturnType() == boolean.class ? false : null);
    }

    /** A logged stream whose sends are held, as a slow Redis round trip would hold them. */
    private static final class HeldStream implements EventStream {
        final Gate gate = new Gate();
        final CountDownLatch finished = new CountDownLatch(1);
        final List<String> finishes = new CopyOnWriteArrayList<>();
        volatile Thread finisher;

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void open(SseConnection connection) {}

        @Override
        public void send(String data) {
            gate.pass();
        }

        @Override
        public void finish(String data) {
            finisher = Thread.currentThread();
            finishes.add(data);
            finished.countDown();
        }

        @Override
        public void end() {
            finished.countDown();
        }

        @Override
        public boolean endsOffTheEventLoop() {
            return true;
        }
    }
}
