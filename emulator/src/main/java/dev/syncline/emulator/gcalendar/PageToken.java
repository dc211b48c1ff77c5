package dev.syncline.emulator.gcalendar;

import java.util.Optional;

/**
 * A {@code nextPageToken}: where a listing continues. Items are listed in id order, so the page goes on
 * after {@code afterId}. {@code snapshotSequence} is the change number when the listing began; the last
 * page's sync token carries it, so a change made while the pages were read is seen again by the next
 * incremental sync.
 *
 * @param sinceSequence for an incremental listing the sync token's change number; {@link #FULL_LISTING}
 *                      for a full one
 */
record PageToken(String epoch, long snapshotSequence, long sinceSequence, String afterId) {

    static final long FULL_LISTING = -1;
    private static final String KIND = "page";

    boolean incremental() {
        return sinceSequence != FULL_LISTING;
    }

    String encode() {
        return OpaqueToken.pack(KIND, epoch, snapshotSequence, sinceSequence, afterId);
    }

    static Optional<PageToken> decode(String token) {
        return OpaqueToken.unpack(token, KIND, 4).flatMap(fields ->
                OpaqueToken.number(fields.get(1)).flatMap(snapshot ->
                        OpaqueToken.number(fields.get(2)).map(since ->
                                new PageToken(fields.get(0), snapshot, since, fields.get(3)))));
    }
}
