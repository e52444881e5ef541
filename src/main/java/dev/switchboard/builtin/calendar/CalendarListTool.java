package dev.switchboard.builtin.calendar;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.switchboard.api.Description;
import dev.switchboard.api.McpHeader;
import dev.switchboard.api.McpTool;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolDefinition;
import dev.switchboard.api.ToolException;
import dev.switchboard.builtin.workspace.Workspaces;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/** Lists the session's calendar events, by start time. */
@ApplicationScoped
@RegisterForReflection
@RequiresScopes("calendar")
@ToolDefinition(
        name = "calendar.list",
        title = "List calendar events",
        description = "Lists the events of a calendar (the workspace's, or this session's) in start order,"
                + " optionally within a time range.",
        readOnly = true,
        idempotent = true,
        openWorld = false)
public class CalendarListTool implements McpTool<CalendarListTool.Args, CalendarListTool.Events> {

    public record Args(
            @Description("Only events starting at or after this ISO-8601 time")
            @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            OffsetDateTime from,

            @Description("Only events starting at or before this ISO-8601 time")
            @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            OffsetDateTime to,

            @Description("A handle from workspace.open; omit it within a session to use the session's calendar")
            @McpHeader("Workspace")
            String workspace) {}

    public record Events(
            @Description("The events, earliest first") List<CalendarEvent> events) {}

    private final CalendarBook book;
    private final Workspaces workspaces;

    CalendarListTool(CalendarBook book, Workspaces workspaces) {
        this.book = book;
        this.workspaces = workspaces;
    }

    @Override
    public Events call(Args args, ToolContext context) {
        if (args.from() != null && args.to() != null && args.to().isBefore(args.from())) {
            throw new ToolException("'to' (" + args.to() + ") must not be before 'from' (" + args.from() + ")");
        }
        return new Events(book.list(workspaces.scope(args.workspace(), context), args.from(), args.to()));
    }
}
