package dev.syncline.emulator.gcalendar;

import dev.syncline.emulator.mailbox.GeneratedAddress;
import dev.syncline.emulator.mailbox.GeneratedAttendee;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes a stored item the way {@code events.list} returns a Calendar v3 event: timed items as
 * {@code {dateTime (RFC 3339 with the item's offset), timeZone}}, all-day items as {@code {date}} with an
 * exclusive end, recurring series with their {@code RRULE} lines.
 */
final class EventJson {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EventJson() {
    }

    static Map<String, Object> render(StoredEvent event, String ownerEmail) {
        GeneratedCalendarItem item = event.content();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "calendar#event");
        json.put("etag", etag(event));
        json.put("id", event.id());
        json.put("status", event.cancelled() ? "cancelled" : "confirmed");
        json.put("htmlLink", "https://www.google.com/calendar/event?eid=" + event.id());
        json.put("created", timestamp(event.created()));
        json.put("updated", timestamp(event.updated()));
        json.put("summary", item.title());
        putIfPresent(json, "description", item.description());
        putIfPresent(json, "location", item.location());
        json.put("creator", Map.of("email", ownerEmail, "self", true));
        GeneratedAddress organizer = organizer(item, ownerEmail);
        json.put("organizer", person(organizer, ownerEmail));
        json.put("start", when(item, item.start()));
        json.put("end", when(item, item.end()));
        if (item.recurrence() != null) {
            json.put("recurrence", List.of(item.recurrence()));
        }
        json.put("iCalUID", event.id() + "@google.com");
        json.put("sequence", event.revision());
        if (!item.attendees().isEmpty()) {
            json.put("attendees", item.attendees().stream()
                    .map(attendee -> attendee(attendee, organizer, ownerEmail)).toList());
        }
        json.put("reminders", Map.of("useDefault", true));
        json.put("eventType", "default");
        return json;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static Map<String, Object> when(GeneratedCalendarItem item, LocalDateTime local) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (item.allDay()) {
            json.put("date", local.toLocalDate().toString());
        } else {
            json.put("dateTime", DATE_TIME.format(local.atZone(ZoneId.of(item.timeZone()))));
            json.put("timeZone", item.timeZone());
        }
        return json;
    }

    private static Map<String, Object> person(GeneratedAddress address, String ownerEmail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("email", address.email());
        putIfPresent(json, "displayName", address.name());
        if (address.email().equalsIgnoreCase(ownerEmail)) {
            json.put("self", true);
        }
        return json;
    }

    /** An item without a named organizer is the owner's own, as on a real primary calendar. */
    private static GeneratedAddress organizer(GeneratedCalendarItem item, String ownerEmail) {
        return item.organizer() != null ? item.organizer() : new GeneratedAddress(null, ownerEmail);
    }

    private static Map<String, Object> attendee(GeneratedAttendee attendee, GeneratedAddress organizer,
                                                String ownerEmail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("email", attendee.email());
        putIfPresent(json, "displayName", attendee.name());
        if (attendee.email().equalsIgnoreCase(organizer.email())) {
            json.put("organizer", true);
        }
        if (attendee.email().equalsIgnoreCase(ownerEmail)) {
            json.put("self", true);
        }
        json.put("responseStatus", attendee.response());
        return json;
    }

    /** Google's etags are quoted numbers that change with every edit. */
    private static String etag(StoredEvent event) {
        return "\"" + (event.updated().toEpochMilli() * 1000 + event.changeSequence() % 1000) + "\"";
    }

    private static void putIfPresent(Map<String, Object> json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
