package dev.switchboard.reliability;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls a readiness URL ({@code /q/health/ready}) every 100 ms, one request at a time, and keeps each change of its
 * answer: 200 is UP, 503 DOWN, anything else (or no answer within 5 s) is recorded as it came.
 */
final class ReadinessPoller {

    /** A change: from this moment (epoch millis, when the answer arrived) the endpoint answered {@code state}. */
    record Change(long millis, String state) {}

    private static final long INTERVAL_MILLIS = 100;

    private final Vertx vertx;
    private final URI url;
    private final HttpClient http;
    private final List<Change> changes = new ArrayList<>();
    private volatile boolean stopped;
    private long polls;

    ReadinessPoller(Vertx vertx, URI url) {
        this.vertx = vertx;
        this.url = url;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(url.getHost())
                .setDefaultPort(url.getPort())
                .setConnectTimeout(2_000));
    }

    void start() {
        vertx.runOnContext(ignored -> poll());
    }

    void stop() throws Exception {
        stopped = true;
        Thread.sleep(2 * INTERVAL_MILLIS);
    }

    /** Read after {@link #stop()}. */
    synchronized List<Change> changes() {
        return new ArrayList<>(changes);
    }

    synchronized long polls() {
        return polls;
    }

    private void poll() {
        if (stopped) {
            return;
        }
        http.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setURI(url.getRawPath())
                        .setIdleTimeout(5_000))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    String state;
                    if (result.failed()) {
                        state = "no answer";
                    } else if (result.result() == 200) {
                        state = "UP";
                    } else if (result.result() == 503) {
                        state = "DOWN";
                    } else {
                        state = "HTTP " + result.result();
                    }
                    record(System.currentTimeMillis(), state);
                    vertx.setTimer(INTERVAL_MILLIS, id -> poll());
                });
    }

    private synchronized void record(long millis, String state) {
        polls++;
        if (changes.isEmpty() || !changes.get(changes.size() - 1).state().equals(state)) {
            changes.add(new Change(millis, state));
        }
    }
}
