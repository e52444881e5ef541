package dev.switchboard.tools.calendar;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.switchboard.tool.Description;
import dev.switchboard.tool.McpTool;
import dev.switchboard.tool.ToolContext;
import dev.switchboard.tool.ToolDefinition;
import dev.switchboard.tool.ToolException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/** Lists the session's calendar events, by start time. */
@ApplicationScoped
@RegisterForReflection
@ToolDefinition(
        name = "calendar.list",
        title = "List calendar events",
        description = "Lists the events of this session's calendar in start order, optionally within a time range.",
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
            OffsetDateTime to) {}

    public record Events(
            @Description("The events, earliest first") List<CalendarEvent> events) {}

    private final CalendarBook book;

    CalendarListTool(CalendarBook book) {
        this.book = book;
    }

    @Override
    public Events call(Args args, ToolContext context) {
        if (args.from() != null && args.to() != null && args.to().isBefore(args.from())) {
            throw new ToolException("'to' (" + args.to() + ") must not be before 'from' (" + args.from() + ")");
        }
        return new Events(book.list(context.sessionId(), args.from(), args.to()));
    }
}
