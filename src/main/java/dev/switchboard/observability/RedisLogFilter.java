package dev.switchboard.observability;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps two kinds of Redis client noise out of the log (a console handler takes one filter, so both live here).
 *
 * <ul>
 *   <li>Micrometer's warning that the default Redis client's gauges were registered twice is dropped. Quarkus 3.33's
 *       Redis extension initialises each client name once for the data sources and once for the low-level clients,
 *       and {@code RedisClientRecorder} builds a Vert.x client on both calls before {@code putIfAbsent} discards the
 *       second; building it registers its pool's gauges under the same ids. Micrometer keeps the first (those of the
 *       client in use) and warns. Fixed upstream (quarkusio/quarkus#54122, 3.37): drop this part then.
 *   <li>The Vert.x Redis connection manager's {@code ERROR "Unhandled Error"} with a stack trace, logged for every
 *       pooled connection when Redis goes away (a restart, a failover), becomes one {@code WARN} line naming the
 *       cause. Nothing is lost: each command on that connection fails, and Switchboard answers it ({@code 503} with
 *       {@code Retry-After}) and logs it, and readiness reports the store DOWN.
 * </ul>
 */
@LoggingFilter(name = "redis-noise")
public final class RedisLogFilter implements Filter {

    private static final String REGISTRY_LOGGER = "io.micrometer.core.instrument.MeterRegistry";
    private static final String CONNECTION_LOGGER = "io.vertx.redis.client.impl.RedisConnectionManager";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (CONNECTION_LOGGER.equals(record.getLoggerName()) && record.getThrown() != null) {
            Throwable cause = record.getThrown();
            record.setLevel(Level.WARNING);
            record.setMessage("Redis connection lost: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            record.setParameters(null);
            record.setThrown(null);
            return true;
        }
        return !duplicateGaugeWarning(record);
    }

    private static boolean duplicateGaugeWarning(LogRecord record) {
        if (!REGISTRY_LOGGER.equals(record.getLoggerName()) || record.getMessage() == null) {
            return false;
        }
        String text = record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length > 0) {
            text = text + ' ' + parameters[0];
        }
        return text.contains("already registered")
                && text.contains("MeterId{name='redis.")
                && text.contains("<default>");
    }
}
