package dev.switchboard.observability;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops Micrometer's warning that the default Redis client's gauges were registered twice, and only that one.
 *
 * <p>Why it happens: Quarkus 3.33's Redis extension initialises each client name once for the data sources and once
 * for the low-level clients, and {@code RedisClientRecorder} builds a Vert.x client on both calls before
 * {@code putIfAbsent} discards the second. The discarded client never connects, but building it registers its pool's
 * gauges under the same ids. Micrometer keeps the first gauges (those of the client in use) and warns. Quarkus fixed
 * the registration upstream (quarkusio/quarkus#54122, 3.37); remove this filter when the platform moves past it.
 */
@LoggingFilter(name = "redis-duplicate-gauge")
public final class RedisDuplicateGaugeFilter implements Filter {

    private static final String REGISTRY_LOGGER = "io.micrometer.core.instrument.MeterRegistry";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!REGISTRY_LOGGER.equals(record.getLoggerName()) || record.getMessage() == null) {
            return true;
        }
        String text = record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length > 0) {
            text = text + ' ' + parameters[0];
        }
        return !(text.contains("already registered")
                && text.contains("MeterId{name='redis.")
                && text.contains("<default>"));
    }
}
