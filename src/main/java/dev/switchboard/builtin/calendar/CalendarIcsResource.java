package dev.switchboard.builtin.calendar;

import dev.switchboard.api.McpResource;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** The session's calendar as iCalendar (RFC 5545), for calendar applications. */
@ApplicationScoped
@RequiresScopes("calendar")
@ResourceDefinition(
        uri = CalendarIcsResource.URI,
        name = "calendar-ics",
        title = "Calendar of this session (iCalendar)",
        description = "The events of this session's calendar as an iCalendar (RFC 5545) file.",
        mimeType = ICalendar.MIME_TYPE,
        sessionScoped = true)
public class CalendarIcsResource implements McpResource {

    public static final String URI = "switchboard://session/calendar.ics";

    private final CalendarBook book;
    private final Clock clock;

    CalendarIcsResource(CalendarBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    @Override
    public ResourceContents read(ResourceContext context) {
        return ResourceContents.text(
                URI, ICalendar.MIME_TYPE, ICalendar.write(book.list(context.sessionId(), null, null), clock.instant()));
    }
}
