package dev.syncline.api.observability;

import java.util.List;

/**
 * One event processor (processing group) on this instance.
 *
 * @param mode         pooled, tracking or subscribing
 * @param running      whether it runs on this instance
 * @param error        whether it, or one of its segments here, is in error or failed within the last minute
 * @param errorMessage the first failing segment's error, else the processor's failure within the last minute
 * @param replaying    whether a segment claimed here is replaying
 * @param position     the lowest position of the segments claimed here; null when it holds none or is subscribing
 * @param head         the global index of the newest event in the store; -1 when it is empty
 * @param lag          positions the slowest segment here is behind the head; 0 for a subscribing processor, which
 *                     handles each event in the transaction that publishes it
 * @param deadLetters  letters in its dead-letter queue; null when it has none
 * @param deadLetterSequences sequences (e.g. accounts) held back in its dead-letter queue; null when it has none
 */
public record ProcessorStatus(String name, String mode, boolean running, boolean error, String errorMessage,
                              boolean replaying, Long position, long head, long lag, Long deadLetters,
                              Long deadLetterSequences, List<SegmentStatus> segments) {

    public ProcessorStatus {
        segments = List.copyOf(segments);
    }

    /** Claimed segments of this instance. */
    public long claimedSegments() {
        return segments.stream().filter(SegmentStatus::claimedHere).count();
    }
}
