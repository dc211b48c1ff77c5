package dev.syncline.emulator.gcalendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one {@code events.list} call, checked the way Google checks them. Parameters the
 * emulator does not know are ignored, as Google ignores {@code prettyPrint} and the like.
 *
 * @param timeMin lower bound (exclusive) for an item's end; null for none
 * @param timeMax upper bound (exclusive) for an item's start; null for none
 */
record EventsQuery(int maxResults, String pageToken, String syncToken, boolean showDeleted, Instant timeMin,
                   Instant timeMax) {

    static final int DEFAULT_MAX_RESULTS = 250;
    static final int MAX_RESULTS_CAP = 2_500;

    /** Google refuses these together with a sync token: a sync token already says what to list. */
    private static final List<String> NOT_WITH_SYNC_TOKEN =
            List.of("timeMin", "timeMax", "updatedMin", "orderBy", "q", "iCalUID");

    boolean hasPageToken() {
        return pageToken != null;
    }

    boolean hasSyncToken() {
        return syncToken != null;
    }

    /**
     * @throws CalendarApiException 400 for a malformed value, a combination Google refuses, or
     *                              {@code singleEvents=true}, which the emulator does not expand
     */
    static EventsQuery parse(Map<String, String> query) {
        String syncToken = blankToNull(query.get("syncToken"));
        if (syncToken != null) {
            for (String parameter : NOT_WITH_SYNC_TOKEN) {
                if (query.containsKey(parameter)) {
                    throw invalid("Sync token cannot be used with '" + parameter + "' parameter.");
                }
            }
        }
        if (flag(query, "singleEvents")) {
            throw invalid("singleEvents=true is not supported by the emulator; list recurring items as series.");
        }
        if (query.containsKey("orderBy")) {
            throw invalid("orderBy is not supported by the emulator; items are listed in id order.");
        }
        return new EventsQuery(maxResults(query.get("maxResults")), blankToNull(query.get("pageToken")), syncToken,
                flag(query, "showDeleted"), instant(query, "timeMin"), instant(query, "timeMax"));
    }

    private static int maxResults(String value) {
        if (value == null) {
            return DEFAULT_MAX_RESULTS;
        }
        try {
            int requested = Integer.parseInt(value);
            if (requested < 1) {
                throw invalid("Invalid value for maxResults: " + value);
            }
            return Math.min(requested, MAX_RESULTS_CAP);
        } catch (NumberFormatException e) {
            throw invalid("Invalid value for maxResults: " + value);
        }
    }

    private static boolean flag(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            return false;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid("Invalid value for " + name + ": " + value);
    }

    /** Google requires the offset: a bare local time is as ambiguous for it as for anyone. */
    private static Instant instant(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("Bad Request: " + name + " must be an RFC 3339 timestamp with a time zone offset.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static CalendarApiException invalid(String message) {
        return new CalendarApiException(GoogleApiErrors.invalidParameter(message));
    }
}
