package dev.switchboard.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RedisLogFilterTest {

    private final RedisLogFilter filter = new RedisLogFilter();

    @Test
    void aLostRedisConnectionIsOneWarningWithoutAStackTrace() {
        LogRecord lost = new LogRecord(Level.SEVERE, "Unhandled Error");
        lost.setLoggerName("io.vertx.redis.client.impl.RedisConnectionManager");
        lost.setThrown(new SocketException("Connection reset"));

        assertTrue(filter.isLoggable(lost));
        assertEquals(Level.WARNING, lost.getLevel());
        assertEquals("Redis connection lost: SocketException: Connection reset", lost.getMessage());
        assertNull(lost.getThrown());
    }

    @Test
    void theDuplicateGaugeWarningIsDroppedAndOtherLinesKept() {
        LogRecord duplicate = new LogRecord(
                Level.WARNING,
                "This Gauge has been already registered (MeterId{name='redis.pool.active', tags=[tag(client.name=<default>)]})");
        duplicate.setLoggerName("io.micrometer.core.instrument.MeterRegistry");
        assertFalse(filter.isLoggable(duplicate));

        LogRecord other = new LogRecord(Level.SEVERE, "Request 8 (tasks/get) failed");
        other.setLoggerName("dev.switchboard.protocol.core.ErrorResponses");
        other.setThrown(new IllegalStateException("boom"));
        assertTrue(filter.isLoggable(other));
        assertEquals(Level.SEVERE, other.getLevel(), "only the Redis connection manager's lines are rewritten");
    }
}
