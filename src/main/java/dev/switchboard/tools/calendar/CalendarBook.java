package dev.switchboard.tools.calendar;

import dev.switchboard.config.JsonCodec;
import dev.switchboard.session.SessionStore;
import dev.switchboard.tool.ToolException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A session's calendar, kept in the session store as a collection ordered by start time, so listing a time range is
 * a range query rather than a scan. Called from tools, which run on worker threads and may wait.
 */
@ApplicationScoped
public class CalendarBook {

    private static final String COLLECTION = "calendar";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);

    private final SessionStore sessions;
    private final JsonCodec json;

    public CalendarBook(SessionStore sessions, JsonCodec json) {
        this.sessions = sessions;
        this.json = json;
    }

    public void add(String sessionId, CalendarEvent event) {
        boolean added = sessions.addEntry(sessionId, COLLECTION, score(event.start()), json.write(event))
                .await()
                .atMost(STORE_TIMEOUT);
        if (!added) {
            throw new ToolException("The session ended before the event could be saved; start a new session");
        }
    }

    /** Events starting within {@code [from, to]}; either bound may be null for an open range. */
    public List<CalendarEvent> list(String sessionId, OffsetDateTime from, OffsetDateTime to) {
        double min = from == null ? Double.NEGATIVE_INFINITY : score(from);
        double max = to == null ? Double.POSITIVE_INFINITY : score(to);
        return sessions.entries(sessionId, COLLECTION, min, max).await().atMost(STORE_TIMEOUT).stream()
                .map(entry -> json.read(entry, CalendarEvent.class))
                .toList();
    }

    private static double score(OffsetDateTime time) {
        return time.toInstant().getEpochSecond();
    }
}
