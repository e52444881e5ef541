package dev.switchboard.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the threads that pass it until the test opens it, as a slow round trip (to Redis, say) would hold them: the
 * test learns when one is held, acts meanwhile, then lets them go.
 */
public final class Gate {

    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    /** Called by the held code: waits until the gate opens (at most 10 s). */
    public void pass() {
        holding.countDown();
        try {
            open.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a thread reached the gate within 5 s. */
    public boolean holdsOne() throws InterruptedException {
        return holding.await(5, TimeUnit.SECONDS);
    }

    public void open() {
        open.countDown();
    }
}
