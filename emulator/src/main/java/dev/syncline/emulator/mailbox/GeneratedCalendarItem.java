package dev.syncline.emulator.mailbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A generated calendar item, provider-neutral.
 *
 * @param start      local start in {@code timeZone}; for an all-day item the start of its first day
 * @param end        local end (exclusive); for an all-day item the start of the day after its last
 * @param recurrence an RFC 5545 rule such as {@code RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10}, or null
 * @param cancelled  a cancelled meeting the calendar still shows
 */
public record GeneratedCalendarItem(
        String key,
        String title,
        String description,
        String location,
        LocalDateTime start,
        LocalDateTime end,
        String timeZone,
        boolean allDay,
        String recurrence,
        GeneratedAddress organizer,
        List<GeneratedAttendee> attendees,
        boolean cancelled) {

    public GeneratedCalendarItem {
        attendees = List.copyOf(attendees);
    }

    public LocalDate startDate() {
        return start.toLocalDate();
    }

    public LocalDate endDate() {
        return end.toLocalDate();
    }
}
