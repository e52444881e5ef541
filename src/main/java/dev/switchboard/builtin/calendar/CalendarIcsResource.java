package dev.switchboard.builtin.calendar;

import dev.switchboard.api.McpResource;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceDefinition;
import dev.switchboard.api.ResourceNotFoundException;
import dev.switchboard.api.StateScope;
import dev.switchboard.api.ToolState;
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

    private final ToolState state;
    private final Clock clock;

    CalendarIcsResource(ToolState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @Override
    public ResourceContents read(ResourceContext context) {
        StateScope session = state.ofSession(context).orElseThrow(() -> new ResourceNotFoundException(URI));
        return ResourceContents.text(
                URI, ICalendar.MIME_TYPE, ICalendar.write(CalendarBook.list(session, null, null), clock.instant()));
    }
}
