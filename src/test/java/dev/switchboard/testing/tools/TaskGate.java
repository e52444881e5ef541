package dev.switchboard.testing.tools;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Gates the task test tools hold at until a test opens them, by label. */
@ApplicationScoped
public class TaskGate {

    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    public void open(String label) {
        gate(label).countDown();
    }

    /** Waits up to 20 s; true when opened, false when interrupted (cancelled) or timed out. */
    boolean await(String label) {
        try {
            return gate(label).await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CountDownLatch gate(String label) {
        return gates.computeIfAbsent(label, key -> new CountDownLatch(1));
    }
}
