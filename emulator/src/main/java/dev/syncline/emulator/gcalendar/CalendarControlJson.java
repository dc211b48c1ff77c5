package dev.syncline.emulator.gcalendar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.http.ProblemException;
import dev.syncline.emulator.mailbox.CalendarSnapshotItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the control API's request bodies and writes its answers; a value that does not fit is a 400 problem. */
final class CalendarControlJson {

    private CalendarControlJson() {
    }

    /** Fields left out keep the values of {@code current}. */
    static CalendarQuota quotaFrom(JsonNode body, CalendarQuota current) {
        JsonNode enabled = body.path("enabled");
        if (!enabled.isBoolean()) {
            throw new ProblemException(400, "Missing field", "'enabled' (true or false) is required");
        }
        try {
            int limit = body.path("requestsPerWindow").asInt(current.requestsPerWindow());
            Duration window = body.hasNonNull("windowSeconds")
                    ? Duration.ofSeconds(body.get("windowSeconds").asLong()) : current.window();
            ThrottleAnswer answer = optionalText(body, "answer").map(CalendarControlJson::answer).orElse(current.answer());
            return new CalendarQuota(enabled.asBoolean(), limit, window, answer);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Invalid quota", e.getMessage());
        }
    }

    private static ThrottleAnswer answer(String status) {
        return switch (status) {
            case "429" -> ThrottleAnswer.TOO_MANY_REQUESTS;
            case "403" -> ThrottleAnswer.RATE_LIMIT_EXCEEDED;
            default -> throw new ProblemException(400, "Invalid quota", "answer must be \"429\" or \"403\"");
        };
    }

    static Map<String, Object> quotaJson(CalendarQuota quota) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", quota.enabled());
        json.put("requestsPerWindow", quota.requestsPerWindow());
        json.put("windowSeconds", quota.window().toSeconds());
        json.put("answer", quota.answer() == ThrottleAnswer.TOO_MANY_REQUESTS ? "429" : "403");
        return json;
    }

    static Map<String, Object> countersJson(CalendarCounters counters) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", counters.requests());
        json.put("throttled", counters.throttled());
        json.put("maxConcurrent", counters.maxConcurrent());
        json.put("requestsDuringRetryAfter", counters.requestsDuringRetryAfter());
        return json;
    }

    static Map<String, Object> faultJson(CalendarFault fault) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", fault.status());
        json.put("times", fault.times());
        fault.retryAfter().ifPresent(wait -> json.put("retryAfterSeconds", wait.toSeconds()));
        return json;
    }

    static Map<String, Object> itemJson(CalendarSnapshotItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("title", item.title());
        json.put("startsAt", item.startsAt().toString());
        json.put("endsAt", item.endsAt().toString());
        json.put("allDay", item.allDay());
        json.put("cancelled", item.cancelled());
        json.put("recurrence", item.recurrence());
        return json;
    }

    static int requiredInt(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.canConvertToInt()) {
            throw new ProblemException(400, "Missing field", "'" + field + "' (a number) is required");
        }
        return value.asInt();
    }

    static Optional<String> optionalText(JsonNode body, String field) {
        return Optional.ofNullable(body.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(text -> !text.isBlank());
    }

    static ProblemException missing(String field) {
        return new ProblemException(400, "Missing field", "'" + field + "' is required");
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Invalid time", "'" + text + "' is not an ISO-8601 instant");
        }
    }

    static LocalDateTime localDateTime(String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Invalid time", "'" + text + "' is not a local date-time like 2026-03-02T10:00");
        }
    }

    static void requireZone(String zone) {
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new ProblemException(400, "Invalid item", "'" + zone + "' is not a time zone");
        }
    }
}
