package dev.syncline.api.observability;

/**
 * One segment of a streaming processor as an operator sees it.
 *
 * @param segment      the segment's id
 * @param mask         the segment's mask: it handles the sequences whose hash masked with it equals its id
 * @param fraction     the share of the sequences it handles (1 / (mask + 1))
 * @param claimedHere  whether this instance holds it
 * @param owner        the instance that holds its token ({@code tokenentry.owner}); null when nobody does
 * @param position     the global index of the last event it passed; null when not claimed here or before its first
 * @param lag          positions behind the head; null when not claimed here
 * @param replaying    whether it is still behind the position it stood at when it was reset
 * @param caughtUp     whether it has reached the head of the event store
 * @param error        why it stopped on an error and is retrying; null when it is not in error
 */
public record SegmentStatus(int segment, int mask, double fraction, boolean claimedHere, String owner, Long position,
                            Long lag, boolean replaying, boolean caughtUp, String error) {
}
