package dev.syncline.providers.gcalendar;

import dev.syncline.providers.sync.CursorExpiredException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a calendar sync stands, as the opaque text Syncline stores: Google's sync token (absent in a
 * full sync) and page token (absent on a sync's first page). A full sync starts from no position at
 * all; the cursor a sync ends with is a position holding only the next sync token.
 */
record GoogleCalendarPosition(String syncToken, String pageToken) {

    private static final String PREFIX = "gcal1:";
    private static final GoogleCalendarPosition FULL_SYNC_START = new GoogleCalendarPosition(null, null);

    boolean incremental() {
        return syncToken != null;
    }

    static GoogleCalendarPosition incrementalFrom(String syncToken) {
        return new GoogleCalendarPosition(syncToken, null);
    }

    /** The next page of the same sync. */
    GoogleCalendarPosition continuedAt(String nextPageToken) {
        return new GoogleCalendarPosition(syncToken, nextPageToken);
    }

    /** Base64url parts never contain the separator, so any token text survives the round trip. */
    String encode() {
        return PREFIX + part(syncToken) + ":" + part(pageToken);
    }

    /**
     * @param position null for the start of a full sync
     * @throws CursorExpiredException for text this adapter did not write: starting over is the only safe answer
     */
    static GoogleCalendarPosition decode(String position) {
        if (position == null) {
            return FULL_SYNC_START;
        }
        String[] parts = position.startsWith(PREFIX) ? position.substring(PREFIX.length()).split(":", -1) : new String[0];
        if (parts.length != 2) {
            throw unreadable(null);
        }
        try {
            return new GoogleCalendarPosition(token(parts[0]), token(parts[1]));
        } catch (IllegalArgumentException e) {
            throw unreadable(e);
        }
    }

    private static String part(String token) {
        return token == null
                ? "" : Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String part) {
        return part.isEmpty() ? null : new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static CursorExpiredException unreadable(Throwable cause) {
        return new CursorExpiredException("The stored Google Calendar position is not one this adapter wrote; sync from scratch",
                cause);
    }
}
