package dev.syncline.providers.gmail;

import dev.syncline.providers.sync.CursorExpiredException;

import java.math.BigInteger;

/**
 * Where a Gmail sync stands, as the opaque strings {@link GmailMessageSource} hands out:
 * {@code full:<historyId>:<total>:<pageToken>} inside a full sync, {@code history:<historyId>} as the
 * cursor for the next incremental sync, and {@code history:<historyId>:<pageToken>} inside one.
 */
sealed interface GmailPosition {

    String encode();

    /**
     * @throws CursorExpiredException when the text is not a position this adapter made: nothing but a
     *                                fresh sync can continue from it
     */
    static GmailPosition parse(String text) {
        try {
            if (text.startsWith(FullSync.PREFIX)) {
                String[] parts = text.substring(FullSync.PREFIX.length()).split(":", 3);
                return new FullSync(new BigInteger(parts[0]), parts[1].isEmpty() ? null : Long.valueOf(parts[1]), parts[2]);
            }
            if (text.startsWith(HistorySync.PREFIX)) {
                String[] parts = text.substring(HistorySync.PREFIX.length()).split(":", 2);
                return new HistorySync(new BigInteger(parts[0]), parts.length > 1 ? parts[1] : null);
            }
        } catch (RuntimeException e) {
            throw new CursorExpiredException("The Gmail sync position is malformed; a full sync must start over", e);
        }
        throw new CursorExpiredException("The sync position was not made by the Gmail adapter; a full sync must start over", null);
    }

    /**
     * Inside a full sync: the history id taken before the first page (the cursor the sync will end
     * with), the mailbox size the profile reported, and the next {@code messages.list} page.
     */
    record FullSync(BigInteger historyId, Long total, String pageToken) implements GmailPosition {

        static final String PREFIX = "full:";

        @Override
        public String encode() {
            return PREFIX + historyId + ":" + (total == null ? "" : total) + ":" + pageToken;
        }
    }

    /** An incremental sync from {@code startHistoryId}; without a page token, its first page (a cursor). */
    record HistorySync(BigInteger startHistoryId, String pageToken) implements GmailPosition {

        static final String PREFIX = "history:";

        @Override
        public String encode() {
            return PREFIX + startHistoryId + (pageToken == null ? "" : ":" + pageToken);
        }
    }
}
