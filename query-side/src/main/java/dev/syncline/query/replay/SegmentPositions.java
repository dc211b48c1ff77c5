package dev.syncline.query.replay;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.stereotype.Component;

/**
 * Where the event store's head is and where a processor's segment stands against it, in global-index positions:
 * the one way the replay progress, the processor health, the lag gauges and the admin overview measure it.
 */
@Component
public class SegmentPositions {

    private final StreamableMessageSource<?> eventStore;

    public SegmentPositions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The global index of the newest event in the store; -1 when it is empty. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** The global index of the last event the segment passed; null before its first. */
    public static Long position(EventTrackerStatus segment) {
        return segment.getCurrentPosition().isPresent() ? segment.getCurrentPosition().getAsLong() : null;
    }

    /**
     * How many positions the segment is behind the head. The global index can have gaps (a rolled-back
     * append uses up its number), so this is an upper bound of the events still to handle, 0 when caught up.
     */
    public static long lag(Long position, long head) {
        if (head < 0) {
            return 0;
        }
        return Math.max(0, head - (position == null ? -1 : position));
    }

    /**
     * Whether a segment has handled again everything it had handled before a reset. Axon ends a segment's replay
     * only with the first event after that position, which a quiet event store may not bring for a long time.
     */
    public static boolean pastReset(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return true;
        }
        return segment.getResetPosition().isPresent() && segment.getCurrentPosition().isPresent()
                && segment.getCurrentPosition().getAsLong() >= segment.getResetPosition().getAsLong();
    }
}
