package dev.switchboard.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.impl.ContextInternal;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One request to a service: answers that come back at once are read whole, however the threads are scheduled. */
class ServiceExchangeTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .end("{\"path\":\"" + request.path() + "\"}"))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        http = vertx.createHttpClient();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /**
     * A loopback answer may end before the calling worker thread runs its next statement. The reading of the answer
     * used to be set up from that thread once the request was sent: an answer that had ended by then was never read,
     * and the call waited out its whole timeout (seen in CI as a 30 s tool call). Here the caller is held up for
     * 300 ms right after it sends, as a busy machine may hold it up.
     */
    @Test
    void anAnswerThatEndsBeforeTheCallerRunsAgainIsStillRead() throws Exception {
        HttpClient slowCaller = holdingUpTheCallerAfterSending(http, 300);
        for (int call = 0; call < 4; call++) {
            String path = "/slow/" + call;
            long started = System.nanoTime();
            ServiceExchange.Answer answer = ServiceExchange.send(
                    slowCaller,
                    call % 2 == 0 ? "GET" : "POST",
                    URI.create("http://127.0.0.1:" + server.actualPort() + path),
                    Map.of(),
                    call % 2 == 0 ? null : "{}",
                    2_000,
                    1_000);
            assertEquals(200, answer.status());
            assertEquals("{\"path\":\"" + path + "\"}", new String(answer.body(), StandardCharsets.UTF_8));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 1_500, "answered after " + millis + " ms, not at the end of the timeout");
        }
    }

    /** Many callers at once on workers of a request's duplicated context, as tool calls run: every answer read. */
    @Test
    void concurrentCallersEachReadTheirOwnAnswer() throws Exception {
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int caller = 0; caller < 8; caller++) {
            int id = caller;
            ContextInternal request = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
            results.add(request.<Integer>executeBlocking(
                            () -> {
                                for (int call = 0; call < 100; call++) {
                                    String path = "/c" + id + "/" + call;
                                    ServiceExchange.Answer answer = ServiceExchange.send(
                                            http,
                                            "GET",
                                            URI.create("http://127.0.0.1:" + server.actualPort() + path),
                                            Map.of(),
                                            null,
                                            2_000,
                                            1_000);
                                    assertEquals(
                                            "{\"path\":\"" + path + "\"}",
                                            new String(answer.body(), StandardCharsets.UTF_8));
                                }
                                return 100;
                            },
                            false)
                    .toCompletionStage()
                    .toCompletableFuture());
        }
        int total = 0;
        for (CompletableFuture<Integer> result : results) {
            total += result.get();
        }
        assertEquals(800, total);
    }

    /**
     * {@code http}, except that the thread calling {@code compose} on the future of a new request is held up for
     * {@code millis} after the call, as the scheduler of a busy machine may hold it up.
     */
    @SuppressWarnings("unchecked")
    private static HttpClient holdingUpTheCallerAfterSending(HttpClient http, long millis) {
        return proxy(HttpClient.class, (proxy, method, args) -> {
            Object result = method.invoke(http, args);
            if (!method.getName().equals("request") || !(result instanceof io.vertx.core.Future<?> request)) {
                return result;
            }
            return proxy(io.vertx.core.Future.class, (futureProxy, futureMethod, futureArgs) -> {
                Object composed = futureMethod.invoke(request, futureArgs);
                if (futureMethod.getName().equals("compose")) {
                    Thread.sleep(millis);
                }
                return composed;
            });
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
