package dev.syncline.emulator.graph;

import dev.syncline.emulator.mailbox.GeneratedAttendee;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Graph's JSON of a calendar event. Times are given in the zone the client asked for with
 * {@code Prefer: outlook.timezone} (UTC otherwise), as Outlook does; the zone the organiser used is in
 * {@code originalStartTimeZone}, by its Windows name. All-day items float: their dates are shown as they
 * are, at midnight, whatever the zone.
 */
final class EventJson {

    private static final DateTimeFormatter GRAPH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.0000000'");

    private EventJson() {
    }

    static Map<String, Object> event(StoredCalendarItem item, ZoneId zone, String zoneName, boolean textBody) {
        GeneratedCalendarItem content = item.content();
        String originalZone = WindowsTimeZones.windowsNameOf(item.zone());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", "#microsoft.graph.event");
        json.put("id", item.id());
        json.put("subject", item.title());
        json.put("bodyPreview", MessageJson.preview(content.description()));
        json.put("body", MessageJson.body(content.description(), textBody));
        json.put("start", dateTime(item, item.start(), zone, zoneName));
        json.put("end", dateTime(item, item.end(), zone, zoneName));
        json.put("originalStartTimeZone", originalZone);
        json.put("originalEndTimeZone", originalZone);
        json.put("isAllDay", item.allDay());
        json.put("isCancelled", content.cancelled());
        json.put("type", item.recurrence() == null ? "singleInstance" : "seriesMaster");
        json.put("location", Map.of("displayName", content.location() == null ? "" : content.location()));
        json.put("organizer", MessageJson.recipient(content.organizer()));
        json.put("attendees", content.attendees().stream().map(EventJson::attendee).toList());
        json.put("recurrence", item.recurrence() == null ? null
                : item.recurrence().toJson(item.start().toLocalDate(), originalZone));
        return json;
    }

    static Map<String, Object> removed(String id) {
        return MessageJson.removed(id, "deleted");
    }

    private static Map<String, Object> dateTime(StoredCalendarItem item, LocalDateTime local, ZoneId zone, String zoneName) {
        LocalDateTime shown = item.allDay() ? local : local.atZone(item.zone()).withZoneSameInstant(zone).toLocalDateTime();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dateTime", GRAPH_DATE_TIME.format(shown));
        json.put("timeZone", zoneName);
        return json;
    }

    private static Map<String, Object> attendee(GeneratedAttendee attendee) {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("name", attendee.name());
        email.put("address", attendee.email());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "required");
        json.put("status", Map.of("response", responseOf(attendee.response()), "time", "0001-01-01T00:00:00Z"));
        json.put("emailAddress", email);
        return json;
    }

    /** Google's words, which the generator uses, in Graph's. */
    private static String responseOf(String generated) {
        return switch (generated) {
            case "accepted" -> "accepted";
            case "declined" -> "declined";
            case "tentative" -> "tentativelyAccepted";
            default -> "notResponded";
        };
    }
}
