package dev.switchboard.builtin.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpResource;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceDefinition;
import dev.switchboard.api.ResourceNotFoundException;
import dev.switchboard.api.StateScope;
import dev.switchboard.api.ToolState;
import jakarta.enterprise.context.ApplicationScoped;

/** The session's calendar as a resource; subscribers hear of every added event. */
@ApplicationScoped
@RequiresScopes("calendar")
@ResourceDefinition(
        uri = CalendarResource.URI,
        name = "calendar",
        title = "Calendar of this session",
        description = "The events of this session's calendar in start order, as JSON.",
        mimeType = "application/json",
        sessionScoped = true)
public class CalendarResource implements McpResource {

    public static final String URI = "switchboard://session/calendar";

    private final ToolState state;
    private final ObjectMapper mapper;

    CalendarResource(ToolState state, ObjectMapper mapper) {
        this.state = state;
        this.mapper = mapper;
    }

    @Override
    public ResourceContents read(ResourceContext context) {
        StateScope session = state.ofSession(context).orElseThrow(() -> new ResourceNotFoundException(URI));
        Calendar.Events events = new Calendar.Events(CalendarBook.list(session, null, null));
        return ResourceContents.text(
                URI, "application/json", mapper.valueToTree(events).toString());
    }
}
