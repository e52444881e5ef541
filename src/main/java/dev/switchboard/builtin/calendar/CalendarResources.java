package dev.switchboard.builtin.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.Resource;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceNotFoundException;
import dev.switchboard.api.ResourceTemplate;
import dev.switchboard.api.StateScope;
import dev.switchboard.api.ToolState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * The calendars as resources: the session's (session era only) and any workspace's (either era), each as JSON and as
 * iCalendar (RFC 5545) for calendar applications. Subscribers and listeners hear of every added event.
 */
@ApplicationScoped
@RequiresScopes("calendar")
public class CalendarResources {

    static final String SESSION = "switchboard://session/calendar";
    static final String SESSION_ICS = SESSION + ".ics";
    private static final String WORKSPACE = "switchboard://workspaces/{workspace}/calendar";

    private final ToolState state;
    private final ObjectMapper mapper;
    private final Clock clock;

    CalendarResources(ToolState state, ObjectMapper mapper, Clock clock) {
        this.state = state;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The URIs of a workspace's calendar, JSON and iCalendar. */
    static List<String> workspaceUris(String workspace) {
        String uri = WORKSPACE.replace("{workspace}", workspace);
        return List.of(uri, uri + ".ics");
    }

    @Resource(
            uri = SESSION,
            name = "calendar",
            title = "Calendar of this session",
            description = "The events of this session's calendar in start order, as JSON.",
            mimeType = "application/json",
            sessionScoped = true)
    public String session(ResourceContext context) {
        return json(state.ofSession(context).orElseThrow(() -> new ResourceNotFoundException(SESSION)));
    }

    @Resource(
            uri = SESSION_ICS,
            name = "calendar-ics",
            title = "Calendar of this session (iCalendar)",
            description = "The events of this session's calendar as an iCalendar (RFC 5545) file.",
            mimeType = ICalendar.MIME_TYPE,
            sessionScoped = true)
    public String sessionIcs(ResourceContext context) {
        return ics(state.ofSession(context).orElseThrow(() -> new ResourceNotFoundException(SESSION_ICS)));
    }

    @ResourceTemplate(
            uriTemplate = WORKSPACE,
            name = "workspace-calendar",
            title = "Calendar of a workspace",
            description = "The events of a workspace's calendar in start order, as JSON. The workspace is a handle from"
                    + " the workspace.open tool.",
            mimeType = "application/json")
    public String workspace(String workspace, ResourceContext context) {
        return json(
                state.ofWorkspace(workspace, context).orElseThrow(() -> new ResourceNotFoundException(context.uri())));
    }

    @ResourceTemplate(
            uriTemplate = WORKSPACE + ".ics",
            name = "workspace-calendar-ics",
            title = "Calendar of a workspace (iCalendar)",
            description = "The events of a workspace's calendar as an iCalendar (RFC 5545) file. The workspace is a"
                    + " handle from the workspace.open tool.",
            mimeType = ICalendar.MIME_TYPE)
    public String workspaceIcs(String workspace, ResourceContext context) {
        return ics(
                state.ofWorkspace(workspace, context).orElseThrow(() -> new ResourceNotFoundException(context.uri())));
    }

    private String json(StateScope scope) {
        return mapper.valueToTree(new Calendar.Events(CalendarBook.list(scope, null, null)))
                .toString();
    }

    private String ics(StateScope scope) {
        return ICalendar.write(CalendarBook.list(scope, null, null), clock.instant());
    }
}
