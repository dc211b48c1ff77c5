package dev.syncline.messages.sync;

import java.time.Instant;
import java.util.List;

/**
 * One calendar entry as a provider adapter read it. Content, so it travels in events only sealed.
 *
 * @param startsAt   the start as an instant; for an all-day item, midnight UTC of its first day
 * @param endsAt     the end (exclusive); for an all-day item, midnight UTC after its last day
 * @param timeZone   the IANA zone the organiser gave the times in, e.g. {@code Europe/Berlin}
 * @param recurrence RFC 5545 lines such as {@code RRULE:FREQ=WEEKLY;BYDAY=MO}; empty for a single item
 * @param seriesId   for an occurrence changed on its own, the external id of its series; otherwise null
 */
public record CalendarItem(
        String externalId,
        String title,
        String description,
        String location,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        boolean allDay,
        List<String> recurrence,
        String seriesId,
        EmailAddress organizer,
        List<CalendarAttendee> attendees,
        CalendarItemStatus status) {

    public CalendarItem {
        recurrence = recurrence == null ? List.of() : List.copyOf(recurrence);
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    @Override
    public String toString() {
        return "CalendarItem[externalId=" + externalId + ", content=<sealed>]";
    }
}
