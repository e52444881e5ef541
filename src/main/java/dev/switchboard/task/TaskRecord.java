package dev.switchboard.task;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One task as the store keeps it, in either era's terms: the protocol layer writes it to the wire of the revision
 * that created it ({@code protocolVersion}). Payloads are JSON text, written and read by the protocol layer only.
 *
 * @param owner the id of the principal that created it: nobody else ever sees it
 * @param sessionId the session-era session that created it (its stream gets status notifications), or null
 * @param ttl how long the task is kept after it was created
 * @param result the tool's result once {@code completed}, else null
 * @param error the JSON-RPC error once {@code failed}, else null
 * @param inputRequests what the task waits for while {@code input_required}, by key; empty otherwise
 * @param tool the tool the task runs, for the console; null for tasks stored before it was recorded
 */
@RegisterForReflection // stored as JSON in Redis
public record TaskRecord(
        String id,
        String owner,
        String protocolVersion,
        String sessionId,
        TaskStatus status,
        String statusMessage,
        Instant createdAt,
        Instant lastUpdatedAt,
        Duration ttl,
        String result,
        String error,
        Map<String, String> inputRequests,
        String tool) {

    public TaskRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
        Objects.requireNonNull(ttl, "ttl");
        inputRequests = inputRequests == null ? Map.of() : Map.copyOf(inputRequests);
    }

    /** A new task, {@code working} since {@code now}, of no named tool. */
    public static TaskRecord started(
            String id,
            String owner,
            String protocolVersion,
            String sessionId,
            String statusMessage,
            Instant now,
            Duration ttl) {
        return started(id, owner, protocolVersion, sessionId, statusMessage, now, ttl, null);
    }

    /** A new task of {@code tool}, {@code working} since {@code now}. */
    public static TaskRecord started(
            String id,
            String owner,
            String protocolVersion,
            String sessionId,
            String statusMessage,
            Instant now,
            Duration ttl,
            String tool) {
        return new TaskRecord(
                id,
                owner,
                protocolVersion,
                sessionId,
                TaskStatus.WORKING,
                statusMessage,
                now,
                now,
                ttl,
                null,
                null,
                Map.of(),
                tool);
    }

    /** When the store forgets it. */
    public Instant expiresAt() {
        return createdAt.plus(ttl);
    }

    /** This task in a new state, at {@code now}; what identifies it and its lifetime stay. */
    TaskRecord changed(
            TaskStatus status,
            String statusMessage,
            String result,
            String error,
            Map<String, String> inputRequests,
            Instant now) {
        return new TaskRecord(
                id,
                owner,
                protocolVersion,
                sessionId,
                status,
                statusMessage,
                createdAt,
                now,
                ttl,
                result,
                error,
                inputRequests,
                tool);
    }
}
