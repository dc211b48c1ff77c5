package dev.syncline.api.observability;

import dev.syncline.query.replay.SegmentPositions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The state of every event processor on this instance: running, errors, segments with their owners, positions
 * and lag against the head of the event store, and the size of its dead-letter queue. The health indicators, the
 * lag gauges and the admin overview all read it here.
 */
@Component
public class ProcessorStatuses {

    private final EventProcessingConfiguration processing;
    private final SegmentPositions positions;
    private final TokenOwners owners;
    private final RecentHandlerFailures failures;

    public ProcessorStatuses(EventProcessingConfiguration processing, SegmentPositions positions, TokenOwners owners,
                             RecentHandlerFailures failures) {
        this.processing = processing;
        this.positions = positions;
        this.owners = owners;
        this.failures = failures;
    }

    /** The names of the processing groups, sorted. */
    public List<String> groups() {
        return processing.eventProcessors().keySet().stream().sorted().toList();
    }

    /** Every processor with its segments and dead letters, by name. */
    public List<ProcessorStatus> all() {
        long head = positions.head();
        return processing.eventProcessors().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> status(entry.getKey(), entry.getValue(), head, true))
                .toList();
    }

    /** Every processor's running state, errors and lag, without the reads of the token table and dead letters. */
    public List<ProcessorStatus> runtime() {
        long head = positions.head();
        return processing.eventProcessors().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> status(entry.getKey(), entry.getValue(), head, false))
                .toList();
    }

    /** The processing groups whose processor does not run on this instance, sorted. */
    public List<String> notRunning() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> !entry.getValue().isRunning())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Letters and sequences in each group's dead-letter queue, for the groups that have one. */
    public Map<String, DeadLetterCount> deadLetters() {
        Map<String, DeadLetterCount> counts = new TreeMap<>();
        for (String group : groups()) {
            deadLetterQueue(group).ifPresent(queue -> counts.put(group, new DeadLetterCount(queue.size(), queue.amountOfSequences())));
        }
        return counts;
    }

    /** The size of one dead-letter queue. */
    public record DeadLetterCount(long letters, long sequences) {
    }

    private ProcessorStatus status(String name, EventProcessor processor, long head, boolean withStore) {
        Optional<DeadLetterCount> deadLetters = withStore
                ? deadLetterQueue(name).map(queue -> new DeadLetterCount(queue.size(), queue.amountOfSequences()))
                : Optional.empty();
        Long letters = deadLetters.map(DeadLetterCount::letters).orElse(null);
        Long sequences = deadLetters.map(DeadLetterCount::sequences).orElse(null);
        String recentFailure = failures.recent(name).map(failure -> "at " + failure.at() + ": " + failure.message()).orElse(null);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(name, mode(processor), processor.isRunning(), processor.isError() || recentFailure != null,
                    recentFailure, false, null, head, 0, letters, sequences, List.of());
        }
        Map<Integer, EventTrackerStatus> here = streaming.processingStatus();
        List<SegmentStatus> segments = segments(here, withStore ? owners.of(name) : Map.of(), head);
        List<SegmentStatus> claimed = segments.stream().filter(SegmentStatus::claimedHere).toList();
        String errorMessage = segments.stream().map(SegmentStatus::error).filter(Objects::nonNull).findFirst()
                .orElse(recentFailure);
        // A segment that has passed no event yet has no position, and then neither has the processor.
        Long position = claimed.isEmpty() || claimed.stream().anyMatch(segment -> segment.position() == null)
                ? null
                : claimed.stream().mapToLong(SegmentStatus::position).min().getAsLong();
        long lag = claimed.stream().mapToLong(SegmentStatus::lag).max().orElse(0);
        return new ProcessorStatus(name, mode(processor), processor.isRunning(), processor.isError() || errorMessage != null,
                errorMessage, claimed.stream().anyMatch(SegmentStatus::replaying), position, head, lag, letters, sequences,
                segments);
    }

    private static List<SegmentStatus> segments(Map<Integer, EventTrackerStatus> here, Map<Integer, String> owners, long head) {
        TreeSet<Integer> ids = new TreeSet<>(owners.keySet());
        ids.addAll(here.keySet());
        if (ids.isEmpty()) {
            return List.of();
        }
        // Masks follow from the set of segment ids, so a segment held elsewhere gets its share too.
        Segment[] computed = Segment.computeSegments(ids.stream().mapToInt(Integer::intValue).toArray());
        List<SegmentStatus> segments = new ArrayList<>();
        for (Segment segment : computed) {
            EventTrackerStatus status = here.get(segment.getSegmentId());
            String owner = owners.get(segment.getSegmentId());
            double fraction = 1.0 / (segment.getMask() + 1L);
            if (status == null) {
                segments.add(new SegmentStatus(segment.getSegmentId(), segment.getMask(), fraction, false, owner, null, null,
                        false, false, null));
            } else {
                Long position = SegmentPositions.position(status);
                segments.add(new SegmentStatus(segment.getSegmentId(), status.getSegment().getMask(),
                        1.0 / (status.getSegment().getMask() + 1L), true, owner, position, SegmentPositions.lag(position, head),
                        !SegmentPositions.pastReset(status), status.isCaughtUp(), error(status)));
            }
        }
        segments.sort(Comparator.comparingInt(SegmentStatus::segment));
        return segments;
    }

    private static String error(EventTrackerStatus status) {
        if (!status.isErrorState()) {
            return null;
        }
        Throwable error = status.getError();
        return error == null ? "in error" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String group) {
        return processing.deadLetterQueue(group);
    }

    private static String mode(EventProcessor processor) {
        if (processor instanceof PooledStreamingEventProcessor) {
            return "pooled";
        }
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        if (processor instanceof SubscribingEventProcessor) {
            return "subscribing";
        }
        return processor.getClass().getSimpleName();
    }
}
