package dev.switchboard.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.stream.StreamEvent;
import dev.switchboard.testing.TestVertx;
import io.vertx.core.Context;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every write of a stream runs on the request's event loop, in the order asked for. Quarkus REST writes the SSE head
 * there, and its sink's "head written? then set the status" is not safe against another thread: a first event written
 * from a worker at that moment was lost ("Response head already sent"), and the client's stream stayed silent.
 */
class SseConnectionTest {

    @RegisterExtension
    static final TestVertx VERTX = new TestVertx();

    @Test
    void eventsFromOtherThreadsAreWrittenOnTheRequestsEventLoopInOrderThenClosed() throws Exception {
        Context context = VERTX.context();
        Thread eventLoop = TestVertx.on(context, Thread::currentThread).get(5, TimeUnit.SECONDS);
        RecordingSink sink = new RecordingSink();
        SseConnection connection = new SseConnection(sink, SseImpl.INSTANCE, context);

        // The first half from a worker, the rest from the event loop itself: none may overtake an earlier one.
        Thread worker = new Thread(() -> {
            IntStream.range(0, 100).forEach(i -> connection.deliver(new StreamEvent("s-" + i, "{}")));
            context.runOnContext(ignored -> {
                IntStream.range(100, 200).forEach(i -> connection.deliver(new StreamEvent("s-" + i, "{}")));
                connection.close();
            });
        });
        worker.start();

        assertTrue(sink.closed.await(5, TimeUnit.SECONDS), "the connection was not closed");
        assertEquals(IntStream.range(0, 200).mapToObj(i -> "s-" + i).toList(), sink.ids);
        assertEquals(List.of(eventLoop), sink.writers.stream().distinct().toList(), "threads that wrote the response");
    }

    @Test
    void aClosedSinkGetsNoEvent() throws Exception {
        Context context = VERTX.context();
        RecordingSink sink = new RecordingSink();
        SseConnection connection = new SseConnection(sink, SseImpl.INSTANCE, context);
        connection.close();
        connection.deliver(new StreamEvent("s-1", "{}"));
        connection.close();
        assertTrue(sink.closed.await(5, TimeUnit.SECONDS));
        CountDownLatch drained = new CountDownLatch(1);
        context.runOnContext(ignored -> drained.countDown());
        assertTrue(drained.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(), sink.ids);
    }

    /** Records who wrote what; like Quarkus REST's sink, refuses events once closed. */
    private static final class RecordingSink implements SseEventSink {
        final List<String> ids = new CopyOnWriteArrayList<>();
        final List<Thread> writers = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public boolean isClosed() {
            return closed.getCount() == 0;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (isClosed()) {
                throw new IllegalStateException("Already closed");
            }
            writers.add(Thread.currentThread());
            ids.add(event.getId());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            writers.add(Thread.currentThread());
            closed.countDown();
        }
    }
}
