package dev.switchboard.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.json.JsonCodec;
import dev.switchboard.jsonrpc.JsonRpcId;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.core.Replicas;
import dev.switchboard.redis.RedisScript;
import dev.switchboard.stream.ReplicaIdentity;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Replicas that share a Redis. A waiting server-to-client request is recorded as {@code <prefix>:pending:{session}:
 * <id>} naming its replica, so an answer POSTed anywhere is forwarded to that replica's channel; cancellations go to
 * the broadcast channel every replica listens to.
 */
@ApplicationScoped
@Typed(RedisReplicas.class)
public class RedisReplicas implements Replicas {

    private final RedisScript routeScript = RedisScript.load("route-answer");
    private final ReactiveRedisDataSource redis;
    private final JsonCodec json;
    private final String replica;
    private final String pendingPrefix;
    private final String channelPrefix;
    private final String broadcast;

    public RedisReplicas(
            ReactiveRedisDataSource redis, JsonCodec json, ReplicaIdentity replica, SwitchboardConfig config) {
        this.redis = redis;
        this.json = json;
        this.replica = replica.id();
        this.pendingPrefix = config.sessions().redisKeyPrefix() + ":pending:{";
        this.channelPrefix = ReplicaBus.channelPrefix(config);
        this.broadcast = ReplicaBus.broadcastChannel(config);
    }

    @Override
    public Uni<Void> awaitingAnswer(String sessionId, JsonRpcId id, Duration ttl) {
        return RedisScript.command(
                        redis, "SET", pendingKey(sessionId, id), replica, "PX", Long.toString(ttl.toMillis()))
                .replaceWithVoid();
    }

    @Override
    public Uni<Boolean> routeAnswer(String sessionId, JsonRpcResponse response) {
        String message = json.write(Map.of("k", "answer", "s", sessionId, "r", response));
        return routeScript
                .run(redis, List.of(pendingKey(sessionId, response.id())), channelPrefix, message)
                .map(routed -> routed.toInteger() == 1);
    }

    @Override
    public void cancelElsewhere(String sessionId, JsonRpcId requestId) {
        String message = json.write(Map.of("k", "cancel", "s", sessionId, "id", requestId));
        RedisScript.command(redis, "PUBLISH", broadcast, message).subscribe().with(ignored -> {}, ignored -> {});
    }

    @Override
    public void resourceChanged(String uri) {
        String message = json.write(uri == null ? Map.of("k", "resources") : Map.of("k", "resources", "uri", uri));
        RedisScript.command(redis, "PUBLISH", broadcast, message).subscribe().with(ignored -> {}, ignored -> {});
    }

    @Override
    public void taskChanged(String owner, String taskId) {
        broadcast(Map.of("k", "task", "from", replica, "o", owner, "t", taskId));
    }

    @Override
    public void cancelTask(String taskId) {
        broadcast(Map.of("k", "task-cancel", "t", taskId));
    }

    @Override
    public void answerTask(String taskId, JsonNode responses) {
        broadcast(Map.of("k", "task-input", "t", taskId, "r", responses));
    }

    private void broadcast(Map<String, Object> message) {
        RedisScript.command(redis, "PUBLISH", broadcast, json.write(message))
                .subscribe()
                .with(ignored -> {}, ignored -> {});
    }

    private String pendingKey(String sessionId, JsonRpcId id) {
        return pendingPrefix + sessionId + "}:" + id.key();
    }
}
