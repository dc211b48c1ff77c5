package dev.syncline.query.replay;

/**
 * How far one segment of a processor has read: its position against the head of the event store, in percent.
 *
 * @param position   the global index of the last event the segment passed; null before its first
 * @param replaying  whether the segment is still behind the position it stood at when it was reset
 * @param caughtUp   whether the segment has reached the head of the event store
 * @param errorState whether the segment stopped on an error and is retrying
 */
public record SegmentProgress(int segment, Long position, int percent, boolean replaying, boolean caughtUp,
                              boolean errorState) {
}
