package dev.switchboard.testing;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * What this process logs, on every category and thread, while it is open: one line per record, {@code LEVEL category
 * message}, with the message of any exception. For tests that check what an operator reads (and what must never be
 * there, such as a key).
 */
public final class CapturedLog implements AutoCloseable {

    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message =
                    record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : FORMATTER.formatMessage(record);
            Throwable thrown = record.getThrown();
            lines.add(record.getLevel().getName() + " " + record.getLoggerName() + " " + message
                    + (thrown == null ? "" : " " + thrown));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private CapturedLog() {}

    /** Starts capturing (a handler on the root logger). */
    public static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log.handler);
        return log;
    }

    /** The lines logged so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
