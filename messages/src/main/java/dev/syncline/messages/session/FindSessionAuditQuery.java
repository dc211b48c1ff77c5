package dev.syncline.messages.session;

/**
 * The session lifecycle, oldest first, answered with a list of {@link SessionAuditEntryView}: of one
 * user when {@code userId} is given (a user's own view gives it and their workspace), of every user of
 * a workspace when only {@code workspaceId} is given, of everyone when neither is (the admin view).
 * {@code limit} caps the answer at the newest entries.
 */
public record FindSessionAuditQuery(String userId, String workspaceId, int limit) {

    public FindSessionAuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
