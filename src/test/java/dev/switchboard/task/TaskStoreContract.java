package dev.switchboard.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link TaskStore} must share; run against each implementation with a clock the test moves. */
abstract class TaskStoreContract {

    static final Duration TTL = Duration.ofMinutes(10);

    /** Near the real time, so Redis key expiry (which runs in real time) stays a backstop the tests never reach. */
    protected final MutableClock clock =
            new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

    /** An owner of its own per test: tests share one Redis. */
    private final String owner = "owner-" + UUID.randomUUID();

    protected abstract TaskStore store();

    private TaskRecord create(String owner) {
        TaskRecord task =
                TaskRecord.started(TaskIds.next(), owner, "2026-07-28", null, "Started", clock.instant(), TTL);
        store().create(task).await().indefinitely();
        return task;
    }

    private Optional<TaskRecord> get(String owner, String id) {
        return store().get(owner, id).await().indefinitely();
    }

    private Optional<TaskRecord> update(String owner, String id, TaskChange change) {
        return store().update(owner, id, change).await().indefinitely();
    }

    @Test
    void recentListsEveryOwnersTasksRunningFirstWithTheirTool() {
        TaskRecord running = TaskRecord.started(
                TaskIds.next(), owner, "2025-11-25", "session-1", "Started", clock.instant(), TTL, "research");
        store().create(running).await().indefinitely();
        clock.advance(Duration.ofSeconds(1));
        String other = "other-" + UUID.randomUUID();
        TaskRecord ended = create(other);
        update(other, ended.id(), TaskChange.to(TaskStatus.CANCELLED, "Cancelled"));

        List<TaskRecord> recent = store().recent(500).await().indefinitely().stream()
                .filter(task -> task.id().equals(running.id()) || task.id().equals(ended.id()))
                .toList();
        assertEquals(
                List.of(running.id(), ended.id()),
                recent.stream().map(TaskRecord::id).toList());
        assertEquals("research", recent.get(0).tool());
        assertEquals("session-1", recent.get(0).sessionId());
        assertEquals(TaskStatus.CANCELLED, recent.get(1).status());
        assertEquals(1, store().recent(1).await().indefinitely().size());
        assertTrue(store().counts().await().indefinitely().recent() >= 2);
    }

    @Test
    void aCreatedTaskIsFoundAtOnceAsItWasWritten() {
        TaskRecord task = create(owner);
        assertEquals(Optional.of(task), get(owner, task.id()));
        assertEquals(TaskStatus.WORKING, task.status());
    }

    @Test
    void anotherPrincipalSeesExactlyWhatAnUnknownIdGets() {
        TaskRecord task = create(owner);
        String stranger = "stranger-" + UUID.randomUUID();
        assertEquals(get(stranger, "no-such-task"), get(stranger, task.id()));
        assertEquals(Optional.empty(), update(stranger, task.id(), TaskChange.to(TaskStatus.CANCELLED, "no")));
        assertEquals(List.of(), store().list(stranger).await().indefinitely());
        assertEquals(TaskStatus.WORKING, get(owner, task.id()).orElseThrow().status(), "the stranger changed nothing");
    }

    @Test
    void answersLeaveTheTaskOneKeyAtATimeAndMessagesKeepItsState() {
        TaskRecord task = create(owner);
        update(owner, task.id(), TaskChange.inputRequired(Map.of("a", "{}", "b", "{}"), "Asking"));
        TaskRecord progressed =
                update(owner, task.id(), TaskChange.message("Still asking")).orElseThrow();
        assertEquals(TaskStatus.INPUT_REQUIRED, progressed.status());
        assertEquals("Still asking", progressed.statusMessage());
        assertEquals(Map.of("a", "{}", "b", "{}"), progressed.inputRequests());

        TaskRecord half = update(owner, task.id(), TaskChange.answered(Set.of("a", "unknown")))
                .orElseThrow();
        assertEquals(TaskStatus.INPUT_REQUIRED, half.status());
        assertEquals(Map.of("b", "{}"), half.inputRequests());
        assertEquals(
                half, update(owner, task.id(), TaskChange.answered(Set.of("a"))).orElseThrow(), "a no-op");

        TaskRecord working =
                update(owner, task.id(), TaskChange.answered(Set.of("b"))).orElseThrow();
        assertEquals(TaskStatus.WORKING, working.status());
        assertEquals(Map.of(), working.inputRequests());
        assertEquals(Optional.of(working), get(owner, task.id()));
    }

    @Test
    void changesCarryTheirPayloadAndTheTimeOfTheChange() {
        TaskRecord task = create(owner);
        clock.advance(Duration.ofSeconds(5));
        TaskRecord waiting = update(
                        owner,
                        task.id(),
                        TaskChange.inputRequired(Map.of("name", "{\"method\":\"elicitation/create\"}"), "Asking"))
                .orElseThrow();
        assertEquals(TaskStatus.INPUT_REQUIRED, waiting.status());
        assertEquals(Map.of("name", "{\"method\":\"elicitation/create\"}"), waiting.inputRequests());
        assertEquals(task.createdAt(), waiting.createdAt());
        assertEquals(clock.instant(), waiting.lastUpdatedAt());
        assertEquals(Optional.of(waiting), get(owner, task.id()));

        clock.advance(Duration.ofSeconds(5));
        TaskRecord done = update(owner, task.id(), TaskChange.completed("{\"content\":[]}"))
                .orElseThrow();
        assertEquals(TaskStatus.COMPLETED, done.status());
        assertEquals("{\"content\":[]}", done.result());
        assertEquals(Map.of(), done.inputRequests(), "a completed task waits for nothing");
        assertEquals(Optional.of(done), get(owner, task.id()));
    }

    @Test
    void aTerminalTaskNeverChanges() {
        TaskRecord task = create(owner);
        TaskRecord failed = update(owner, task.id(), TaskChange.failed("{\"code\":-32603,\"message\":\"boom\"}"))
                .orElseThrow();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(failed), update(owner, task.id(), TaskChange.to(TaskStatus.CANCELLED, "late")));
        assertEquals(Optional.of(failed), update(owner, task.id(), TaskChange.completed("{}")));
        assertEquals(Optional.of(failed), get(owner, task.id()));
    }

    @Test
    void aConcurrentChangeNeverUndoesACompletion() {
        for (int round = 0; round < 5; round++) {
            TaskRecord task = create(owner);
            List<io.smallrye.mutiny.Uni<Optional<TaskRecord>>> changes = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                changes.add(store().update(owner, task.id(), TaskChange.to(TaskStatus.INPUT_REQUIRED, "step " + i)));
            }
            changes.add(1, store().update(owner, task.id(), TaskChange.completed("{\"content\":[]}")));
            List<Optional<TaskRecord>> results = io.smallrye.mutiny.Uni.join()
                    .all(changes)
                    .andFailFast()
                    .await()
                    .indefinitely();
            assertTrue(results.stream().allMatch(Optional::isPresent), "every change answered: " + results);
            // Each change reads the task before it writes: a write based on a read from before the completion must
            // be refused, or the completed task would be working again.
            assertEquals(
                    TaskStatus.COMPLETED, get(owner, task.id()).orElseThrow().status(), "round " + round);
        }
    }

    @Test
    void aTaskIsGoneWhenItsTtlEnds() {
        TaskRecord task = create(owner);
        clock.advance(TTL.minusMillis(1));
        assertTrue(get(owner, task.id()).isPresent());
        clock.advance(Duration.ofMillis(1));
        expire(task);
        assertEquals(Optional.empty(), get(owner, task.id()));
        assertEquals(Optional.empty(), update(owner, task.id(), TaskChange.completed("{}")));
        assertEquals(List.of(), store().list(owner).await().indefinitely());
    }

    @Test
    void theOwnersTasksAreListedNewestFirst() {
        TaskRecord first = create(owner);
        clock.advance(Duration.ofSeconds(1));
        TaskRecord second = create(owner);
        create("someone-else-" + UUID.randomUUID());
        assertEquals(
                List.of(second.id(), first.id()),
                store().list(owner).await().indefinitely().stream()
                        .map(TaskRecord::id)
                        .toList());
    }

    @Test
    void idsAreUnguessableAndNeverReused() {
        String a = TaskIds.next();
        String b = TaskIds.next();
        assertNotEquals(a, b);
        assertEquals(22, a.length(), "128 bits in URL-safe base64 without padding");
        TaskRecord task = create(owner);
        TaskRecord clash = TaskRecord.started(task.id(), owner, "2026-07-28", null, null, clock.instant(), TTL);
        assertTrue(
                store().create(clash)
                        .map(ok -> false)
                        .onFailure()
                        .recoverWithItem(true)
                        .await()
                        .indefinitely(),
                "a second task with a taken id is refused");
    }

    /** Makes the store drop an expired task the way it does in production (Redis: the key's own expiry). */
    protected void expire(TaskRecord task) {}
}
