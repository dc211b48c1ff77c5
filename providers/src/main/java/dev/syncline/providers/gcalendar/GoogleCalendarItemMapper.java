package dev.syncline.providers.gcalendar;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import dev.syncline.messages.sync.AttendeeResponse;
import dev.syncline.messages.sync.CalendarAttendee;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.EmailAddress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Turns a Calendar v3 event into Syncline's {@link CalendarItem}. Timed items keep their instant;
 * all-day items ({@code date} instead of {@code dateTime}) start at midnight UTC of their first day and
 * end, exclusive as Google gives it, at midnight UTC after their last. Cancelled events are removals and
 * never come here.
 */
final class GoogleCalendarItemMapper {

    private GoogleCalendarItemMapper() {
    }

    /**
     * @param calendarTimeZone the zone of the listed calendar, for items whose start names none (all-day
     *                         items, and timed ones written with an offset only)
     */
    static CalendarItem toItem(Event event, String calendarTimeZone) {
        EventDateTime start = event.getStart();
        boolean allDay = start != null && start.getDate() != null;
        String zone = start != null && start.getTimeZone() != null ? start.getTimeZone() : calendarTimeZone;
        return new CalendarItem(
                event.getId(),
                event.getSummary(),
                event.getDescription(),
                event.getLocation(),
                instant(start),
                instant(event.getEnd()),
                zone,
                allDay,
                event.getRecurrence(),
                event.getRecurringEventId(),
                organizer(event.getOrganizer()),
                attendees(event.getAttendees()),
                "tentative".equals(event.getStatus()) ? CalendarItemStatus.TENTATIVE : CalendarItemStatus.CONFIRMED);
    }

    private static Instant instant(EventDateTime when) {
        if (when == null) {
            return null;
        }
        if (when.getDateTime() != null) {
            return Instant.ofEpochMilli(when.getDateTime().getValue());
        }
        DateTime date = when.getDate();
        // The SDK's date-only value has no zone of its own; its calendar date is what counts.
        return date == null ? null : LocalDate.parse(date.toStringRfc3339()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static EmailAddress organizer(Event.Organizer organizer) {
        return organizer == null || organizer.getEmail() == null
                ? null : new EmailAddress(organizer.getDisplayName(), organizer.getEmail());
    }

    private static List<CalendarAttendee> attendees(List<EventAttendee> attendees) {
        if (attendees == null) {
            return List.of();
        }
        return attendees.stream()
                .filter(attendee -> attendee.getEmail() != null)
                .map(attendee -> new CalendarAttendee(attendee.getEmail(), attendee.getDisplayName(),
                        response(attendee.getResponseStatus())))
                .toList();
    }

    /** Anything Google adds later counts as not answered yet rather than failing the page. */
    private static AttendeeResponse response(String status) {
        if (status == null) {
            return AttendeeResponse.NEEDS_ACTION;
        }
        return switch (status) {
            case "accepted" -> AttendeeResponse.ACCEPTED;
            case "declined" -> AttendeeResponse.DECLINED;
            case "tentative" -> AttendeeResponse.TENTATIVE;
            default -> AttendeeResponse.NEEDS_ACTION;
        };
    }
}
