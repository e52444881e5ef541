package dev.switchboard.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client of the reliability scripts ({@code scripts/reliability-*.sh}, docs/reliability.md): virtual MCP clients
 * that behave as a careful real client would while replicas die, Redis stops or hours pass, and a record of what each
 * of them saw.
 *
 * <p>Each virtual user opens a session-era session ({@code initialize}, {@code notifications/initialized}) on its home
 * replica (user index modulo the number of {@code --urls}), then calls tools on it: {@code calendar.add} every
 * {@code --calendar-every}-th call (a distinct title and hour, so the calendar can be checked later), otherwise
 * {@code weather.get}; after {@code --calls-per-session} calls (0: never) it checks its calendar with
 * {@code calendar.list}, ends the session with {@code DELETE} and opens a new one. {@code --rate} paces all users
 * together (HTTP requests per second; 0: a closed loop).
 *
 * <p>A request that fails is retried, as a client would: after a connection failure (refused, reset, closed, no
 * answer within {@code --request-timeout}) at once on the next replica, with the same {@code Mcp-Session-Id}; after
 * any other failure (an HTTP error, a JSON-RPC error, {@code isError: true}) after {@code --retry-delay} ms on the same
 * one (a {@code Retry-After} asks for more; the figures want a finer grain than its whole seconds). A
 * {@code 404 Session not found} is a lost session: counted, and the user opens a new one.
 *
 * <p>{@code --marks FILE}: lines {@code NAME EPOCH_MILLIS} the script appends while the load runs (a kill, Redis
 * stopped, Redis back); figures are computed relative to them. {@code --ready-url}: readiness is polled every 100 ms
 * and its changes recorded. {@code --verify-urls}: after the load, every user's last session is checked there with
 * {@code calendar.list}: it must answer and hold every event whose {@code calendar.add} was answered. {@code --warmup}:
 * seconds of load before anything is counted. {@code --report-every}: a line per interval (soak). {@code --figures FILE}:
 * the main figures as {@code NAME=value} lines a script sources ({@link Recorder#figures}).
 *
 * <p>It prints a summary and writes it as JSON to {@code --out}; the exit status is 0 unless it could not run.
 */
public final class ReliabilityLoad {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VERSION = "2025-11-25";
    private static final OffsetDateTime CALENDAR_BASE = OffsetDateTime.of(2027, 1, 4, 0, 0, 0, 0, ZoneOffset.UTC);

    private final Options options;
    private final Vertx vertx;
    private final List<HttpClient> replicas = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private final Recorder recorder;
    private final List<User> users = new ArrayList<>();
    private Context context;
    private long endNanos;
    private int running;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private ReliabilityLoad(Options options) {
        this.options = options;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.recorder = new Recorder(options.users);
        for (URI url : options.urls) {
            replicas.add(client(url, Math.max(1, options.users)));
            paths.add(url.getPath());
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        ReliabilityLoad load = new ReliabilityLoad(options);
        try {
            load.run();
        } finally {
            load.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private HttpClient client(URI url, int connections) {
        return vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost(url.getHost())
                        .setDefaultPort(url.getPort())
                        .setKeepAlive(true)
                        .setPipelining(false)
                        .setTcpNoDelay(true)
                        .setConnectTimeout(2_000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    private void run() throws Exception {
        ReadinessPoller readiness = options.readyUrl == null ? null : new ReadinessPoller(vertx, options.readyUrl);
        if (readiness != null) {
            readiness.start();
        }
        context = vertx.getOrCreateContext();
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        endNanos = start + options.duration.toNanos();
        recorder.begin(startMillis, options.warmup.toMillis(), options.reportEvery.toMillis());
        CompletableFuture<Void> launched = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            running = options.users;
            // Staggered over the first pacing interval, so a paced run does not start in a burst.
            double interval = options.rate > 0 ? options.users / options.rate : 0;
            for (int i = 0; i < options.users; i++) {
                User user = new User(i, i % replicas.size());
                users.add(user);
                long delayNanos = (long) (interval * 1e9 * i / options.users);
                user.nextAt = start + delayNanos;
                schedule(user, delayNanos / 1_000_000);
            }
            if (options.reportEvery.toMillis() > 0) {
                vertx.setPeriodic(options.reportEvery.toMillis(), id -> recorder.report(System.currentTimeMillis()));
            }
            launched.complete(null);
        });
        launched.get(10, TimeUnit.SECONDS);
        if (options.users == 0) {
            finished.complete(null);
        }
        long waitSeconds = options.duration.toSeconds() + options.requestTimeout.toSeconds() * 3 + 30;
        finished.get(waitSeconds, TimeUnit.SECONDS);
        long loadEndMillis = System.currentTimeMillis();
        if (readiness != null) {
            readiness.stop();
        }
        Verification verification = options.verifyUrls.isEmpty() ? null : verify();
        List<Mark> marks = Mark.read(options.marks);
        ObjectNode summary = recorder.summary(marks, loadEndMillis, readiness, verification, users);
        summary.set("settings", options.describe());
        if (options.out != null) {
            Files.writeString(options.out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
        }
        if (options.figures != null) {
            Files.writeString(options.figures, Recorder.figures(summary));
        }
        System.out.println(Recorder.text(summary));
    }

    // -------------------------------------------------------------------------------------------------------------
    // The virtual users

    /** One virtual client: its replica, its session and what it knows it stored there. */
    static final class User {
        final int index;
        int replica;
        String session;
        long sessionCreatedMillis;
        int sessionNumber;
        boolean initialized;
        int calls;
        long nextId;
        long nextAt;
        /** Titles of the events calendar.add answered, in the current session. */
        final List<String> acknowledged = new ArrayList<>();
        /** Titles whose calendar.add got no answer (the request may or may not have reached Redis). */
        final List<String> inDoubt = new ArrayList<>();
        /** The attempt being retried: its first failure, in epoch millis, or 0. */
        long failingSince;

        int attempt;
        Request pending;
        boolean lost;

        User(int index, int replica) {
            this.index = index;
            this.replica = replica;
        }
    }

    /** One logical request, retried until it succeeds or the run ends. */
    record Request(String kind, HttpMethod method, String body, String title) {}

    private void schedule(User user, long delayMillis) {
        if (delayMillis <= 0) {
            context.runOnContext(ignored -> step(user));
        } else {
            vertx.setTimer(delayMillis, id -> step(user));
        }
    }

    private void step(User user) {
        if (System.nanoTime() >= endNanos) {
            if (--running == 0) {
                finished.complete(null);
            }
            return;
        }
        if (user.pending == null) {
            user.pending = next(user);
            user.attempt = 0;
        }
        attempt(user, user.pending);
    }

    private Request next(User user) {
        if (user.session == null) {
            return new Request("initialize", HttpMethod.POST, initialize(), null);
        }
        if (!user.initialized) {
            return new Request(
                    "initialized",
                    HttpMethod.POST,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    null);
        }
        if (options.callsPerSession > 0 && user.calls == options.callsPerSession) {
            return call(user, "calendar.list", "{}", null);
        }
        if (options.callsPerSession > 0 && user.calls > options.callsPerSession) {
            return new Request("delete", HttpMethod.DELETE, null, null);
        }
        if (options.calendarEvery > 0 && (user.calls + 1) % options.calendarEvery == 0) {
            int n = user.acknowledged.size() + user.inDoubt.size();
            String title = "u" + user.index + "-s" + user.sessionNumber + "-e" + n;
            OffsetDateTime startTime = CALENDAR_BASE.plusHours(n);
            String arguments = "{\"title\":\"" + title + "\",\"start\":\"" + startTime + "\",\"end\":\""
                    + startTime.plusMinutes(30) + "\"}";
            return call(user, "calendar.add", arguments, title);
        }
        return call(user, "weather.get", "{\"city\":\"Paris\"}", null);
    }

    private static Request call(User user, String tool, String arguments, String title) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + (++user.nextId) + ",\"method\":\"tools/call\",\"params\":{"
                + "\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}";
        return new Request(tool, HttpMethod.POST, body, title);
    }

    private static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + VERSION
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"switchboard-reliability\",\"version\":\"1\"}}}";
    }

    private void attempt(User user, Request request) {
        long startMillis = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        int replica = user.replica;
        send(replica, user.session, request).onComplete(result -> {
            long endMillis = System.currentTimeMillis();
            long micros = (System.nanoTime() - startNanos) / 1_000;
            Outcome outcome = result.succeeded()
                    ? Outcome.of(request, result.result(), user)
                    : Outcome.connection(result.cause(), options.requestTimeout);
            recorder.attempt(user, request.kind(), outcome, startMillis, endMillis, micros, replica);
            if (outcome.ok()) {
                succeeded(user, request, result.result(), endMillis);
                user.pending = null;
                if (user.failingSince != 0) {
                    recorder.recovered(user, user.failingSince, endMillis);
                    user.failingSince = 0;
                }
                pace(user);
                return;
            }
            if (user.failingSince == 0) {
                user.failingSince = startMillis;
            }
            if ("calendar.add".equals(request.kind())
                    && outcome.connection()
                    && !user.inDoubt.contains(request.title())) {
                user.inDoubt.add(request.title());
            }
            user.attempt++;
            if (outcome.sessionNotFound() && user.session != null && !"delete".equals(request.kind())) {
                recorder.sessionLost(user, endMillis);
                user.lost = true;
                newSession(user);
                user.pending = null;
                schedule(user, options.retryDelayMillis);
                return;
            }
            if ("delete".equals(request.kind()) && outcome.sessionNotFound()) {
                // a retried DELETE whose first attempt ended the session: done
                newSession(user);
                user.pending = null;
                pace(user);
                return;
            }
            if (outcome.connection()) {
                // A careful client moves on to the next replica at once; it waits only once it has tried them all.
                user.replica = (user.replica + 1) % replicas.size();
                schedule(user, user.attempt % replicas.size() == 0 ? options.retryDelayMillis : 0);
            } else {
                long delay = options.retryDelayMillis;
                if (outcome.retryAfterSeconds() > 0 && options.honourRetryAfter) {
                    delay = outcome.retryAfterSeconds() * 1000L;
                }
                schedule(user, delay);
            }
        });
    }

    private void succeeded(User user, Request request, Reply reply, long endMillis) {
        switch (request.kind()) {
            case "initialize" -> {
                user.session = reply.sessionId();
                user.sessionCreatedMillis = endMillis;
                user.initialized = false;
                user.calls = 0;
                recorder.sessionOpened(user, endMillis);
            }
            case "initialized" -> user.initialized = true;
            case "delete" -> newSession(user);
            default -> {
                user.calls++;
                if (request.title() != null) {
                    user.inDoubt.remove(request.title());
                    if (!user.acknowledged.contains(request.title())) {
                        user.acknowledged.add(request.title());
                    }
                }
            }
        }
    }

    private void newSession(User user) {
        user.session = null;
        user.initialized = false;
        user.calls = 0;
        user.sessionNumber++;
        user.acknowledged.clear();
        user.inDoubt.clear();
    }

    private void pace(User user) {
        if (options.rate <= 0) {
            schedule(user, 0);
            return;
        }
        long interval = (long) (options.users / options.rate * 1e9);
        user.nextAt = Math.max(user.nextAt + interval, System.nanoTime() - interval); // no burst to catch up
        schedule(user, Math.max(0, (user.nextAt - System.nanoTime()) / 1_000_000));
    }

    /** An HTTP answer: status, the headers the client reads, and the body. */
    record Reply(int status, String contentType, String sessionId, String retryAfter, String body) {}

    private Future<Reply> send(int replica, String session, Request request) {
        RequestOptions requestOptions = new RequestOptions()
                .setMethod(request.method())
                .setURI(paths.get(replica))
                .setIdleTimeout(options.requestTimeout.toMillis());
        if (request.body() != null) {
            requestOptions
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Accept", "application/json, text/event-stream");
        }
        if (session != null) {
            requestOptions.putHeader("Mcp-Session-Id", session).putHeader("MCP-Protocol-Version", VERSION);
        }
        return replicas.get(replica)
                .request(requestOptions)
                .compose(http -> request.body() == null ? http.send() : http.send(Buffer.buffer(request.body())))
                .compose(response -> response.body()
                        .map(body -> new Reply(
                                response.statusCode(),
                                response.getHeader("Content-Type"),
                                response.getHeader("Mcp-Session-Id"),
                                response.getHeader("Retry-After"),
                                body.toString(StandardCharsets.UTF_8))));
    }

    // -------------------------------------------------------------------------------------------------------------
    // After the load: does every user's session still answer, with its calendar?

    record Verification(
            int sessions,
            int answered,
            int complete,
            int createdBeforeFirstMark,
            int answeredOfThose,
            int completeOfThose,
            long eventsExpected,
            long eventsMissing,
            long eventsInDoubtFound,
            long duplicateEvents,
            Map<String, Integer> failures) {}

    private Verification verify() throws Exception {
        List<Mark> marks = Mark.read(options.marks);
        long firstMark = marks.isEmpty() ? Long.MAX_VALUE : marks.get(0).millis();
        List<HttpClient> verifiers = new ArrayList<>();
        List<String> verifyPaths = new ArrayList<>();
        for (URI url : options.verifyUrls) {
            verifiers.add(client(url, 8));
            verifyPaths.add(url.getPath());
        }
        int sessions = 0, answered = 0, complete = 0, before = 0, answeredBefore = 0, completeBefore = 0;
        long expected = 0, missing = 0, inDoubtFound = 0, duplicates = 0;
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (User user : users) {
            if (user.session == null || !user.initialized) {
                continue;
            }
            sessions++;
            boolean old = user.sessionCreatedMillis < firstMark && !user.lost;
            if (old) {
                before++;
            }
            int v = user.index % verifiers.size();
            String body = "{\"jsonrpc\":\"2.0\",\"id\":999999,\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"calendar.list\",\"arguments\":{}}}";
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setURI(verifyPaths.get(v))
                    .setIdleTimeout(10_000)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Accept", "application/json, text/event-stream")
                    .putHeader("Mcp-Session-Id", user.session)
                    .putHeader("MCP-Protocol-Version", VERSION);
            Reply reply;
            try {
                reply = verifiers
                        .get(v)
                        .request(request)
                        .compose(http -> http.send(Buffer.buffer(body)))
                        .compose(response -> response.body()
                                .map(b -> new Reply(
                                        response.statusCode(), null, null, null, b.toString(StandardCharsets.UTF_8))))
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                failures.merge("no answer: " + e.getClass().getSimpleName(), 1, Integer::sum);
                continue;
            }
            JsonNode events;
            try {
                JsonNode result = JSON.readTree(reply.body()).path("result");
                events = result.path("structuredContent").path("events");
                if (reply.status() != 200 || result.path("isError").asBoolean(false) || !events.isArray()) {
                    failures.merge("HTTP " + reply.status() + ": " + Outcome.abbreviate(reply.body()), 1, Integer::sum);
                    continue;
                }
            } catch (Exception e) {
                failures.merge("HTTP " + reply.status() + ", not JSON", 1, Integer::sum);
                continue;
            }
            answered++;
            if (old) {
                answeredBefore++;
            }
            Map<String, Integer> titles = new LinkedHashMap<>();
            for (JsonNode event : events) {
                titles.merge(event.path("title").asText(), 1, Integer::sum);
            }
            long userMissing = user.acknowledged.stream()
                    .filter(title -> !titles.containsKey(title))
                    .count();
            expected += user.acknowledged.size();
            missing += userMissing;
            inDoubtFound += user.inDoubt.stream().filter(titles::containsKey).count();
            duplicates += titles.values().stream()
                    .filter(count -> count > 1)
                    .mapToLong(count -> count - 1)
                    .sum();
            if (userMissing == 0) {
                complete++;
                if (old) {
                    completeBefore++;
                }
            } else {
                failures.merge("events missing", 1, Integer::sum);
            }
        }
        for (HttpClient verifier : verifiers) {
            verifier.close();
        }
        return new Verification(
                sessions,
                answered,
                complete,
                before,
                answeredBefore,
                completeBefore,
                expected,
                missing,
                inDoubtFound,
                duplicates,
                failures);
    }

    // -------------------------------------------------------------------------------------------------------------

    /** An event the script recorded while the load ran. */
    record Mark(String name, long millis) {
        static List<Mark> read(Path file) throws java.io.IOException {
            List<Mark> marks = new ArrayList<>();
            if (file == null || !Files.exists(file)) {
                return marks;
            }
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    marks.add(new Mark(parts[0], Long.parseLong(parts[1])));
                }
            }
            marks.sort(java.util.Comparator.comparingLong(Mark::millis));
            return marks;
        }
    }

    /** The command line. */
    static final class Options {
        List<URI> urls = new ArrayList<>();
        List<URI> verifyUrls = new ArrayList<>();
        int users = 16;
        double rate;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ZERO;
        Duration reportEvery = Duration.ZERO;
        Duration requestTimeout = Duration.ofSeconds(10);
        int callsPerSession;
        int calendarEvery = 10;
        long retryDelayMillis = 100;
        boolean honourRetryAfter;
        Path marks;
        URI readyUrl;
        Path out;
        Path figures;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
                }
                String value = args[i + 1];
                switch (args[i].substring(2)) {
                    case "urls" -> o.urls = uris(value);
                    case "verify-urls" -> o.verifyUrls = uris(value);
                    case "users" -> o.users = Integer.parseInt(value);
                    case "rate" -> o.rate = Double.parseDouble(value);
                    case "duration" -> o.duration = seconds(value);
                    case "warmup" -> o.warmup = seconds(value);
                    case "report-every" -> o.reportEvery = seconds(value);
                    case "request-timeout" -> o.requestTimeout = seconds(value);
                    case "calls-per-session" -> o.callsPerSession = Integer.parseInt(value);
                    case "calendar-every" -> o.calendarEvery = Integer.parseInt(value);
                    case "retry-delay" -> o.retryDelayMillis = Long.parseLong(value);
                    case "honour-retry-after" -> o.honourRetryAfter = Boolean.parseBoolean(value);
                    case "marks" -> o.marks = Path.of(value);
                    case "ready-url" -> o.readyUrl = URI.create(value);
                    case "out" -> o.out = Path.of(value);
                    case "figures" -> o.figures = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (o.urls.isEmpty()) {
                throw new IllegalArgumentException("--urls is required");
            }
            return o;
        }

        ObjectNode describe() {
            ObjectNode node = JSON.createObjectNode();
            node.put("urls", urls.toString());
            node.put("users", users);
            node.put("rate", rate);
            node.put("durationSeconds", duration.toMillis() / 1000.0);
            node.put("warmupSeconds", warmup.toMillis() / 1000.0);
            node.put("callsPerSession", callsPerSession);
            node.put("calendarEvery", calendarEvery);
            node.put("retryDelayMillis", retryDelayMillis);
            node.put("honourRetryAfter", honourRetryAfter);
            node.put("requestTimeoutSeconds", requestTimeout.toSeconds());
            return node;
        }

        private static List<URI> uris(String value) {
            List<URI> list = new ArrayList<>();
            for (String url : value.split(",")) {
                if (!url.isBlank()) {
                    list.add(URI.create(url.trim()));
                }
            }
            return list;
        }

        private static Duration seconds(String value) {
            return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
        }
    }
}
