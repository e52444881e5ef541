package dev.switchboard.tools.calendar;

import dev.switchboard.resource.McpResource;
import dev.switchboard.resource.ResourceContext;
import dev.switchboard.resource.ResourceDefinition;
import dev.switchboard.security.RequiresScopes;
import dev.switchboard.tool.ResourceContents;
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
