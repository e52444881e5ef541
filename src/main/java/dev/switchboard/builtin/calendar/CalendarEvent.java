package dev.switchboard.builtin.calendar;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.api.Description;
import java.time.OffsetDateTime;

/** An event in a session's calendar. Times keep the offset they were given with. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalendarEvent(
        @Description("Event id") String id,
        @Description("What the event is") String title,

        @Description("Start, ISO-8601 with offset")
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        OffsetDateTime start,

        @Description("End, ISO-8601 with offset; absent for an open-ended event")
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        OffsetDateTime end,

        @Description("Free-form notes") String notes) {}
