package dev.switchboard.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for the servers tests start (replicas, redis-server, cluster nodes), handed out below the kernel's
 * ephemeral range (32768-60999 on Linux). A port found by binding port 0 is an ephemeral one: between the test closing
 * it and its server binding it (seconds, for a JVM starting), any {@code bind(0)}, {@code listen(0)} or outgoing
 * connection of a test running in parallel can take it, and that server then answers in the other's place. Below the
 * range nothing takes a port unasked; within this JVM each port is handed out once.
 */
public final class FreePorts {

    /** The ports handed out: {@code [FIRST, LAST]}; a cluster node's bus port (+ 10000) stays below 32768 too. */
    static final int FIRST = 12_000;

    static final int LAST = 22_767;

    private static int next = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);

    private FreePorts() {}

    /** One free loopback port. */
    public static int one() {
        return take(1, 0)[0];
    }

    /**
     * {@code count} distinct free loopback ports; with {@code busOffset > 0}, each port plus the offset is free too (a
     * cluster node also listens on its port + 10000).
     */
    public static synchronized int[] take(int count, int busOffset) {
        int[] ports = new int[count];
        int found = 0;
        for (int tried = 0; found < count && tried <= LAST - FIRST; tried++) {
            int port = next;
            next = port == LAST ? FIRST : port + 1;
            if (free(port) && (busOffset == 0 || free(port + busOffset))) {
                ports[found++] = port;
            }
        }
        if (found < count) {
            throw new IllegalStateException(
                    "Found only " + found + " of " + count + " free ports in " + FIRST + "-" + LAST);
        }
        return ports;
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return probe.isBound();
        } catch (IOException taken) {
            return false;
        }
    }
}
