package dev.switchboard.builtin.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.McpResourceTemplate;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceNotFoundException;
import dev.switchboard.api.ResourceTemplateDefinition;
import dev.switchboard.api.StateScope;
import dev.switchboard.api.ToolState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** A workspace's calendar as a resource, readable in either era; listeners hear of every added event. */
@ApplicationScoped
@RequiresScopes("calendar")
@ResourceTemplateDefinition(
        uriTemplate = "switchboard://workspaces/{workspace}/calendar",
        name = "workspace-calendar",
        title = "Calendar of a workspace",
        description = "The events of a workspace's calendar in start order, as JSON. The workspace is a handle from"
                + " the workspace.open tool.",
        mimeType = "application/json")
public class WorkspaceCalendarResource implements McpResourceTemplate {

    private final ToolState state;
    private final ObjectMapper mapper;

    WorkspaceCalendarResource(ToolState state, ObjectMapper mapper) {
        this.state = state;
        this.mapper = mapper;
    }

    /** The URI of a workspace's calendar. */
    public static String uri(String workspace) {
        return "switchboard://workspaces/" + workspace + "/calendar";
    }

    /** The URI of a workspace's calendar as iCalendar. */
    public static String icsUri(String workspace) {
        return uri(workspace) + ".ics";
    }

    @Override
    public ResourceContents read(Map<String, String> variables, ResourceContext context) {
        String workspace = variables.get("workspace");
        String uri = uri(workspace);
        StateScope scope = state.ofWorkspace(workspace, context).orElseThrow(() -> new ResourceNotFoundException(uri));
        Calendar.Events events = new Calendar.Events(CalendarBook.list(scope, null, null));
        return ResourceContents.text(
                uri, "application/json", mapper.valueToTree(events).toString());
    }
}
