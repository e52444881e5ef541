package dev.switchboard.testing.tools;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a test wait until {@code test.wait} runs, and see whether it noticed its cancellation. */
@ApplicationScoped
public class CancellationProbe {

    private volatile CountDownLatch started = new CountDownLatch(1);
    private volatile CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean sawCancel;
    private volatile boolean callbackRan;

    public void reset() {
        started = new CountDownLatch(1);
        finished = new CountDownLatch(1);
        sawCancel = false;
        callbackRan = false;
    }

    void started() {
        started.countDown();
    }

    void finished(boolean cancelled) {
        sawCancel = cancelled;
        finished.countDown();
    }

    void markCallback() {
        callbackRan = true;
    }

    public boolean awaitStarted() throws InterruptedException {
        return started.await(10, TimeUnit.SECONDS);
    }

    public boolean awaitFinished() throws InterruptedException {
        return finished.await(10, TimeUnit.SECONDS);
    }

    public boolean sawCancel() {
        return sawCancel;
    }

    public boolean callbackRan() {
        return callbackRan;
    }
}
