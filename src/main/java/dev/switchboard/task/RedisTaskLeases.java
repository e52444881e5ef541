package dev.switchboard.task;

import dev.switchboard.redis.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Leases in one sorted set, {@code <prefix>:task-leases}: member {@code <id> <owner>}, score the lease's end (epoch
 * ms). Taking a lease is one {@code ZADD}, renewing every task a replica runs one {@code ZADD XX}; finding expired leases is one {@code ZRANGE BYSCORE};
 * a take-over is a {@code ZREM}, which only one replica wins.
 */
@Singleton
@Typed(RedisTaskLeases.class)
public class RedisTaskLeases implements TaskLeases {

    private final ReactiveRedisDataSource redis;
    private final String key;

    public RedisTaskLeases(
            ReactiveRedisDataSource redis,
            @ConfigProperty(name = "switchboard.sessions.redis-key-prefix") String prefix) {
        this.redis = redis;
        this.key = prefix + ":task-leases";
    }

    @Override
    public Uni<Void> hold(Held task, Instant until) {
        return RedisScript.command(redis, "ZADD", key, Long.toString(until.toEpochMilli()), member(task))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> renew(Collection<Held> tasks, Instant until) {
        if (tasks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // XX: a task that ended between the snapshot of running tasks and this command stays released.
        List<String> command = new ArrayList<>(List.of(key, "XX"));
        String score = Long.toString(until.toEpochMilli());
        for (Held task : tasks) {
            command.add(score);
            command.add(member(task));
        }
        return RedisScript.command(redis, "ZADD", command.toArray(String[]::new))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> release(Held task) {
        return RedisScript.command(redis, "ZREM", key, member(task)).replaceWithVoid();
    }

    @Override
    public Uni<List<Held>> expired(Instant now) {
        return RedisScript.command(
                        redis, "ZRANGE", key, "-inf", Long.toString(now.toEpochMilli()), "BYSCORE", "LIMIT", "0", "100")
                .map(members -> {
                    List<Held> held = new ArrayList<>();
                    members.forEach(member -> {
                        String text = member.toString();
                        int space = text.indexOf(' ');
                        if (space > 0) {
                            held.add(new Held(text.substring(space + 1), text.substring(0, space)));
                        }
                    });
                    return held;
                });
    }

    @Override
    public Uni<Boolean> takeOver(Held task) {
        return RedisScript.command(redis, "ZREM", key, member(task)).map(removed -> removed.toInteger() == 1);
    }

    /** Task ids are hex, so the first space ends the id and the owner may be anything. */
    private static String member(Held task) {
        return task.id() + ' ' + task.owner();
    }
}
