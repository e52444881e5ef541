package dev.switchboard.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.protocol.tasks.TaskSweeper;
import dev.switchboard.testing.Await;
import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A task whose replica stopped renewing its lease is failed by another replica's sweep, and only once. */
@QuarkusTest
@SharedApp
class TaskSweeperTest {

    @Inject
    TaskStore store;

    @Inject
    TaskLeases leases;

    @Inject
    TaskSweeper sweeper;

    @Inject
    Clock clock;

    @Test
    void aTaskWhoseLeaseRanOutFailsSayingTheServerStopped() {
        TaskRecord task = TaskRecord.started(
                TaskIds.next(), "sweeper-test", "2026-07-28", null, "Working", clock.instant(), Duration.ofMinutes(5));
        TaskLeases.Held held = new TaskLeases.Held(task.owner(), task.id());
        // As a replica that died right after it last renewed: the lease ended a moment ago.
        leases.hold(held, clock.instant().minusMillis(1)).await().indefinitely();
        store.create(task).await().indefinitely();

        sweeper.sweep();
        Await.until(() -> store.get(task.owner(), task.id())
                .await()
                .indefinitely()
                .orElseThrow()
                .status()
                .terminal());
        TaskRecord failed =
                store.get(task.owner(), task.id()).await().indefinitely().orElseThrow();
        assertEquals(TaskStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("-32603"), failed.error());
        assertTrue(failed.statusMessage().startsWith("The server running this task stopped"), failed.statusMessage());
        assertEquals(false, leases.takeOver(held).await().indefinitely(), "the lease was taken over once");
    }

    @Test
    void aLiveLeaseIsLeftAlone() {
        TaskRecord task = TaskRecord.started(
                TaskIds.next(), "sweeper-test", "2026-07-28", null, "Working", clock.instant(), Duration.ofMinutes(5));
        TaskLeases.Held held = new TaskLeases.Held(task.owner(), task.id());
        leases.hold(held, clock.instant().plusSeconds(60)).await().indefinitely();
        store.create(task).await().indefinitely();

        sweeper.sweep();
        Await.sleep(Duration.ofMillis(300));
        assertEquals(
                TaskStatus.WORKING,
                store.get(task.owner(), task.id())
                        .await()
                        .indefinitely()
                        .orElseThrow()
                        .status());
        assertEquals(true, leases.takeOver(held).await().indefinitely(), "still held, so still there to take");
    }

    @Test
    void aRenewalDoesNotBringBackAReleasedLease() {
        TaskLeases.Held held = new TaskLeases.Held("sweeper-test", TaskIds.next());
        leases.hold(held, clock.instant().plusSeconds(60)).await().indefinitely();
        leases.release(held).await().indefinitely();
        leases.renew(java.util.List.of(held), clock.instant().plusSeconds(60))
                .await()
                .indefinitely();
        assertEquals(false, leases.takeOver(held).await().indefinitely(), "the task ended: nothing to take over");
    }
}
