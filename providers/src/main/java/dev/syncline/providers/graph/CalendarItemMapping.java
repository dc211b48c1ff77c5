package dev.syncline.providers.graph;

import com.microsoft.graph.models.Attendee;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.models.ResponseType;
import dev.syncline.messages.sync.AttendeeResponse;
import dev.syncline.messages.sync.CalendarAttendee;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.EmailAddress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A Graph event as Syncline keeps it. Times were asked for in UTC; the zone an event names for its times is
 * still honoured (Windows or IANA name) in case Graph ignored the preference. All-day events float: their
 * dates become midnight UTC of the first day and of the day after the last.
 */
final class CalendarItemMapping {

    private CalendarItemMapping() {
    }

    static boolean isRemoval(Event event) {
        return event.getAdditionalData() != null && event.getAdditionalData().containsKey("@removed");
    }

    static CalendarItem item(Event event, int descriptionLimit) {
        boolean allDay = Boolean.TRUE.equals(event.getIsAllDay());
        ZoneId zone = WindowsTimeZones.zoneOf(event.getOriginalStartTimeZone())
                .or(() -> WindowsTimeZones.zoneOf(event.getStart() == null ? null : event.getStart().getTimeZone()))
                .orElse(ZoneOffset.UTC);
        String description = MessageMapping.text(event.getBody());
        return new CalendarItem(event.getId(), event.getSubject(),
                description.length() > descriptionLimit ? MessageMapping.cut(description, descriptionLimit) : description,
                event.getLocation() == null || blank(event.getLocation().getDisplayName()) ? null
                        : event.getLocation().getDisplayName(),
                instant(event.getStart(), allDay), instant(event.getEnd(), allDay), zone.getId(), allDay,
                RecurrenceRules.of(event.getRecurrence(), zone, allDay),
                event.getType() == EventType.Occurrence || event.getType() == EventType.Exception
                        ? event.getSeriesMasterId() : null,
                MessageMapping.address(event.getOrganizer()),
                attendees(event.getAttendees()),
                Boolean.TRUE.equals(event.getIsCancelled()) ? CalendarItemStatus.CANCELLED : CalendarItemStatus.CONFIRMED);
    }

    private static Instant instant(DateTimeTimeZone time, boolean allDay) {
        if (time == null || time.getDateTime() == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.parse(time.getDateTime());
        if (allDay) {
            return local.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return local.atZone(WindowsTimeZones.zoneOf(time.getTimeZone()).orElse(ZoneOffset.UTC)).toInstant();
    }

    private static List<CalendarAttendee> attendees(List<Attendee> attendees) {
        return attendees == null ? List.of() : attendees.stream().map(CalendarItemMapping::attendee).toList();
    }

    private static CalendarAttendee attendee(Attendee attendee) {
        EmailAddress address = attendee.getEmailAddress() == null ? null
                : new EmailAddress(attendee.getEmailAddress().getName(), attendee.getEmailAddress().getAddress());
        ResponseType response = attendee.getStatus() == null ? null : attendee.getStatus().getResponse();
        return new CalendarAttendee(address == null ? null : address.address(), address == null ? null : address.name(),
                responseOf(response));
    }

    /** Graph's answers in Syncline's words; the organiser counts as accepted, no answer yet as needs-action. */
    static AttendeeResponse responseOf(ResponseType response) {
        if (response == null) {
            return AttendeeResponse.NEEDS_ACTION;
        }
        return switch (response) {
            case Accepted, Organizer -> AttendeeResponse.ACCEPTED;
            case Declined -> AttendeeResponse.DECLINED;
            case TentativelyAccepted -> AttendeeResponse.TENTATIVE;
            default -> AttendeeResponse.NEEDS_ACTION;
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
