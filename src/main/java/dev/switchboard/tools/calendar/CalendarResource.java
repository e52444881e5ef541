package dev.switchboard.tools.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.resource.McpResource;
import dev.switchboard.resource.ResourceContext;
import dev.switchboard.resource.ResourceDefinition;
import dev.switchboard.tool.ResourceContents;
import jakarta.enterprise.context.ApplicationScoped;

/** The session's calendar as a resource; subscribers hear of every added event. */
@ApplicationScoped
@ResourceDefinition(
        uri = CalendarResource.URI,
        name = "calendar",
        title = "Calendar of this session",
        description = "The events of this session's calendar in start order, as JSON.",
        mimeType = "application/json")
public class CalendarResource implements McpResource {

    public static final String URI = "switchboard://session/calendar";

    private final CalendarBook book;
    private final ObjectMapper mapper;

    CalendarResource(CalendarBook book, ObjectMapper mapper) {
        this.book = book;
        this.mapper = mapper;
    }

    @Override
    public ResourceContents read(ResourceContext context) {
        try {
            return ResourceContents.text(
                    URI,
                    "application/json",
                    mapper.writeValueAsString(new CalendarListTool.Events(book.list(context.sessionId(), null, null))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
