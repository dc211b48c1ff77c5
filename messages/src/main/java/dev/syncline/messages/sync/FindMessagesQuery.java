package dev.syncline.messages.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * One page of a user's synced messages, newest first, narrowed by the optional filters; answered by a
 * {@link MessageListView}.
 *
 * @param accountId      only this account's messages; null for all the owner's accounts
 * @param folder         matches the Graph folder id or any label, ignoring case; null for any
 * @param sender         part of the sender's address or name, ignoring case; null for any
 * @param receivedAfter  only messages received at or after this instant; null for no lower bound
 * @param receivedBefore only messages received before this instant; null for no upper bound
 * @param unread         only unread ({@code true}) or read ({@code false}) messages; null for both
 * @param pageToken      the {@code nextPageToken} of the previous page; null for the first page
 * @param limit          how many messages at most, {@value #MIN_LIMIT} to {@value #MAX_LIMIT}
 */
public record FindMessagesQuery(
        String workspaceId,
        String ownerId,
        String accountId,
        String folder,
        String sender,
        Instant receivedAfter,
        Instant receivedBefore,
        Boolean unread,
        String pageToken,
        int limit) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public FindMessagesQuery {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(ownerId, "ownerId");
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from " + MIN_LIMIT + " to " + MAX_LIMIT);
        }
    }
}
