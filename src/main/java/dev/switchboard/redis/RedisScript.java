package dev.switchboard.redis;

import dev.switchboard.api.StoreUnavailableException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A Lua script run with {@code EVALSHA}, falling back to {@code EVAL} once when Redis does not know it yet (a fresh
 * or restarted Redis). Scripts make each store operation atomic and one round trip.
 *
 * <p>Every script and command fails with {@link StoreUnavailableException} when Redis has not answered within
 * {@code quarkus.redis.timeout} (3 s): the reactive client applies no timeout of its own, so without this a Redis that
 * hangs with its connections open (a frozen host, a network partition) held every request until it came back
 * (scripts/reliability-redis-outage.sh).
 */
public final class RedisScript {

    private static volatile Duration timeout;

    private final String source;
    private final String sha;

    private RedisScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    /** Loads {@code redis/<name>.lua} from the class path (a resource, so it is in the native image too). */
    public static RedisScript load(String name) {
        String path = "redis/" + name + ".lua";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing Redis script " + path);
            }
            return new RedisScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script, batched with the other scripts of this event-loop turn when there are any (ScriptBatches). */
    public Uni<Response> run(ReactiveRedisDataSource redis, List<String> keys, String... args) {
        return bounded(
                ScriptBatches.send(
                        redis,
                        () -> eval(keys, args),
                        () -> redis.execute("EVALSHA", arguments(sha, keys, args))
                                .onFailure(RedisScript::isNoScript)
                                .recoverWithUni(() -> redis.execute("EVAL", arguments(source, keys, args)))),
                timeout());
    }

    public static Uni<Response> command(ReactiveRedisDataSource redis, String command, String... args) {
        return bounded(redis.execute(command, args), timeout());
    }

    /** {@code operation}, failing with {@link StoreUnavailableException} on a failure or no answer within limit. */
    static <T> Uni<T> bounded(Uni<T> operation, Duration limit) {
        return operation
                .ifNoItem()
                .after(limit)
                .failWith(() -> new TimeoutException("no answer within " + limit.toMillis() + " ms"))
                .onFailure()
                .transform(RedisScript::unavailable);
    }

    /** {@code quarkus.redis.timeout}: how long any store command may take. */
    static Duration timeout() {
        Duration limit = timeout;
        if (limit == null) {
            limit = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.redis.timeout", Duration.class)
                    .orElse(Duration.ofSeconds(3));
            timeout = limit;
        }
        return limit;
    }

    /** The script as an {@code EVALSHA} request, for a batch. */
    Request evalsha(List<String> keys, String... args) {
        return request(Command.EVALSHA, arguments(sha, keys, args));
    }

    /** The script as an {@code EVAL} request, for a batch on a Redis that does not know it yet. */
    Request eval(List<String> keys, String... args) {
        return request(Command.EVAL, arguments(source, keys, args));
    }

    private static Request request(Command command, String[] arguments) {
        Request request = Request.cmd(command);
        for (String argument : arguments) {
            request.arg(argument);
        }
        return request;
    }

    static Throwable unavailable(Throwable failure) {
        return new StoreUnavailableException("The Redis store is unavailable: " + failure.getMessage(), failure);
    }

    private static String[] arguments(String script, List<String> keys, String... args) {
        String[] all = new String[2 + keys.size() + args.length];
        all[0] = script;
        all[1] = Integer.toString(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            all[2 + i] = keys.get(i);
        }
        System.arraycopy(args, 0, all, 2 + keys.size(), args.length);
        return all;
    }

    static boolean isNoScript(Throwable failure) {
        String message = failure.getMessage();
        // A batch reports its command's error after an index: "ERR [0] NOSCRIPT ...".
        return message != null && message.contains("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
