package dev.switchboard.builtin.calendar;

import dev.switchboard.api.McpResourceTemplate;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceNotFoundException;
import dev.switchboard.api.ResourceTemplateDefinition;
import dev.switchboard.api.StateScope;
import dev.switchboard.api.ToolState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;

/** A workspace's calendar as iCalendar (RFC 5545), readable in either era. */
@ApplicationScoped
@RequiresScopes("calendar")
@ResourceTemplateDefinition(
        uriTemplate = "switchboard://workspaces/{workspace}/calendar.ics",
        name = "workspace-calendar-ics",
        title = "Calendar of a workspace (iCalendar)",
        description = "The events of a workspace's calendar as an iCalendar (RFC 5545) file. The workspace is a"
                + " handle from the workspace.open tool.",
        mimeType = ICalendar.MIME_TYPE)
public class WorkspaceCalendarIcsResource implements McpResourceTemplate {

    private final ToolState state;
    private final Clock clock;

    WorkspaceCalendarIcsResource(ToolState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @Override
    public ResourceContents read(Map<String, String> variables, ResourceContext context) {
        String workspace = variables.get("workspace");
        String uri = WorkspaceCalendarResource.icsUri(workspace);
        StateScope scope = state.ofWorkspace(workspace, context).orElseThrow(() -> new ResourceNotFoundException(uri));
        return ResourceContents.text(
                uri, ICalendar.MIME_TYPE, ICalendar.write(CalendarBook.list(scope, null, null), clock.instant()));
    }
}
