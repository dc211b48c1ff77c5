package dev.syncline.messages.sync;

import java.time.Instant;
import java.util.List;

/**
 * A synced calendar item as its owner sees it; a cancelled item the provider still lists is shown with
 * status {@code CANCELLED}.
 *
 * @param id         Syncline's stable id of the item, the same after every replay
 * @param externalId the provider's id of the item
 * @param startsAt   the start; for an all-day item, midnight UTC of its first day
 * @param endsAt     the end (exclusive); for an all-day item, midnight UTC after its last day
 * @param recurrence RFC 5545 lines of a series, e.g. {@code RRULE:FREQ=WEEKLY;BYDAY=MO}, for the caller to
 *                   expand from {@code startsAt} in {@code timeZone}; empty for a single item
 * @param seriesId   for an occurrence changed on its own, the external id of its series; otherwise null
 * @param updatedAt  when the sync that last wrote the item fetched it
 */
public record CalendarItemView(
        String id,
        String accountId,
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
        CalendarItemStatus status,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "CalendarItemView[id=" + id + ", content=<hidden>]";
    }
}
