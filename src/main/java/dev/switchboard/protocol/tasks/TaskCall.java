package dev.switchboard.protocol.tasks;

import dev.switchboard.api.ClientAnswers;
import dev.switchboard.api.InputRequest;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.input.InputSource;
import dev.switchboard.task.TaskRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One tool call that is, or may become, a task. A 2025-11-25 call is a task from the start (the client asked). A
 * 2026-07-28 call first runs on its request, its input requests answered by multi round-trip retries as any call's,
 * and becomes a task when the tool first reports progress or has run for {@code switchboard.tasks.detach-after}:
 * input is resolved before the task exists, as the extension asks, and a call that ends sooner is answered at once.
 *
 * <p>After it became a task, input requests move the task to {@code input_required} ({@link TaskInputs}) and progress
 * becomes the task's status message.
 */
final class TaskCall {

    private enum State {
        ON_REQUEST,
        TASK,
        ANSWERED
    }

    private final CompletableFuture<TaskRecord> created = new CompletableFuture<>();
    private final Function<String, TaskRecord> create;
    private final InputSource beforeTask;
    private final InputSource inTask;
    private final TaskUpdates updates;
    private State state;

    /**
     * @param create stores the task, with the given status message, and answers the request with it
     * @param beforeTask where input comes from while the call runs on its request (null: a task from the start)
     */
    TaskCall(TaskUpdates updates, Function<String, TaskRecord> create, InputSource beforeTask, InputSource inTask) {
        this.updates = updates;
        this.create = create;
        this.beforeTask = beforeTask;
        this.inTask = inTask;
        this.state = beforeTask == null ? State.TASK : State.ON_REQUEST;
    }

    /** A call that is a task from the start, now stored. */
    void createdAs(TaskRecord task) {
        created.complete(task);
    }

    /** Makes the call a task, unless it is one or was answered; true when this call did it. */
    boolean becomeTask(String statusMessage) {
        synchronized (this) {
            if (state != State.ON_REQUEST) {
                return false;
            }
            state = State.TASK;
        }
        try {
            created.complete(create.apply(statusMessage));
        } catch (RuntimeException e) {
            created.completeExceptionally(e);
        }
        return true;
    }

    /** Whether the call still runs on its request (not a task yet). */
    synchronized boolean onRequest() {
        return state == State.ON_REQUEST;
    }

    /** The call ended: true when it is still on its request, which then gets the answer directly. */
    synchronized boolean answerDirectly() {
        if (state == State.ON_REQUEST) {
            state = State.ANSWERED;
            return true;
        }
        return false;
    }

    /** The task once it is stored; waits (a worker thread) while it is being stored. */
    TaskRecord task() {
        try {
            return created.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the task was stored", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The task could not be stored", e);
        }
    }

    TaskUpdates updates() {
        return updates;
    }

    CompletableFuture<TaskRecord> created() {
        return created;
    }

    /** Progress: makes the call a task (its first status message), or updates the task's status message. */
    void progressed(String message) {
        if (!becomeTask(message)) {
            task();
            updates.statusMessage(message);
        }
    }

    InputSource inputs() {
        return new InputSource() {
            @Override
            public ClientAnswers ask(Caller caller, List<InputRequest> requests) {
                synchronized (TaskCall.this) {
                    if (state == State.ON_REQUEST) {
                        return beforeTask.ask(caller, requests);
                    }
                }
                task();
                return inTask.ask(caller, requests);
            }
        };
    }
}
