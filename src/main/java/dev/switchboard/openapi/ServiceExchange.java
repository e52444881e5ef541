package dev.switchboard.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request to a service over Vert.x's HTTP client (the event loop does the I/O; the calling worker thread waits),
 * bounded in time (the whole answer within the timeout) and in size (a larger answer is cut off and reported).
 */
final class ServiceExchange {

    /** What came back. {@code tooLarge}: the answer passed the size bound and was not read to its end. */
    record Answer(int status, String contentType, byte[] body, boolean tooLarge) {}

    /** The service did not answer in time. */
    static final class Timeout extends Exception {
        Timeout() {
            super(null, null, false, false);
        }
    }

    private ServiceExchange() {}

    /**
     * @throws Timeout when the whole answer did not arrive within {@code timeoutMillis}
     * @throws ExecutionException when the request failed (its cause says why: unreachable, reset, ...)
     */
    static Answer send(
            HttpClient http,
            String method,
            URI uri,
            Map<String, String> headers,
            String body,
            long timeoutMillis,
            int maxBytes)
            throws Timeout, ExecutionException, InterruptedException {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setAbsoluteURI(uri.toString())
                .setFollowRedirects(false)
                .setTimeout(timeoutMillis);
        headers.forEach(options::putHeader);
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        http.request(options)
                // Sent and read on the request's event loop: the response's handlers are set in the same task that
                // sends, before any of it can arrive. Set from this thread once the send is done, they came too late
                // for an answer that had already ended, and the call waited out its timeout.
                .compose(request -> (body == null ? request.send() : request.send(Buffer.buffer(body)))
                        .onSuccess(response -> read(response, maxBytes, answer)))
                .onFailure(answer::completeExceptionally);
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new Timeout();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException
                    || e.getCause() instanceof io.netty.handler.timeout.TimeoutException) {
                throw new Timeout();
            }
            throw e;
        }
    }

    private static void read(HttpClientResponse response, int maxBytes, CompletableFuture<Answer> answer) {
        Buffer collected = Buffer.buffer();
        String type = response.getHeader("Content-Type");
        response.handler(chunk -> {
            if (answer.isDone()) {
                return;
            }
            if (collected.length() + chunk.length() > maxBytes) {
                answer.complete(new Answer(response.statusCode(), type, new byte[0], true));
                response.request().reset(); // stop reading what will not be used
            } else {
                collected.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(answer::completeExceptionally);
        response.endHandler(end -> answer.complete(
                new Answer(response.statusCode(), type == null ? "" : type, collected.getBytes(), false)));
    }
}
