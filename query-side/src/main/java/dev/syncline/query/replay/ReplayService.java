package dev.syncline.query.replay;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Rebuilds one read model by replaying its processing group from the start of the event store, and tells how far
 * the replay is.
 *
 * <p>Only a streaming processor whose every handler is a projection that clears its model in a
 * {@link ResetHandler} can be replayed; sagas and anything else cannot. A replay first waits until the processor
 * runs and has caught up (resetting a processor that has only just started, and has not claimed its segments or
 * is still in its initial replay, would reset nothing or race with its start), then shuts it down, resets its
 * tokens to the tail of the event store and starts it again. It runs on this instance: segments that another
 * instance holds make the reset fail, and the replay says so.
 */
@Component
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final EventProcessingConfiguration processing;
    private final SegmentPositions positions;
    private final Clock clock;
    private final Duration catchUpTimeout;
    private final ConcurrentMap<String, Replay> replays = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(new ReplayThreads());

    /**
     * @param catchUpTimeout how long a replay waits for the processor to run and catch up before it gives up
     *                       without resetting anything ({@code syncline.replay.catch-up-timeout})
     */
    public ReplayService(EventProcessingConfiguration processing, SegmentPositions positions, Clock clock,
                         @Value("${syncline.replay.catch-up-timeout:2m}") Duration catchUpTimeout) {
        this.processing = processing;
        this.positions = positions;
        this.clock = clock;
        this.catchUpTimeout = catchUpTimeout;
    }

    /** The processing groups that can be replayed, by name. */
    public List<String> replayableGroups() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> replayable(entry.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * Starts replaying the group in the background and answers its progress at once.
     *
     * @throws UnknownProcessingGroupException when there is no such group or it cannot be replayed
     * @throws ReplayAlreadyRunningException   when a replay of the group is being prepared or running
     */
    public ReplayProgress start(String processingGroup) {
        StreamingEventProcessor processor = replayableProcessor(processingGroup);
        Replay replay = replays.compute(processingGroup, (group, running) -> {
            if (running != null && running.active()) {
                throw new ReplayAlreadyRunningException(progress(group, processor, running));
            }
            return new Replay(clock.instant());
        });
        log.info("Replay of processing group {} requested", processingGroup);
        workers.execute(() -> replay(processingGroup, processor, replay));
        return progress(processingGroup, processor, replay);
    }

    /**
     * How far the group's last replay on this instance is, with each segment's position.
     *
     * @throws UnknownProcessingGroupException when there is no such group or it cannot be replayed
     */
    public ReplayProgress progress(String processingGroup) {
        return progress(processingGroup, replayableProcessor(processingGroup), replays.get(processingGroup));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    private void replay(String group, StreamingEventProcessor processor, Replay replay) {
        try {
            if (!await(() -> readyForReset(group, processor), catchUpTimeout)) {
                replay.failed(clock.instant(), "The processor did not run with all its segments and catch up on this instance within "
                        + catchUpTimeout.toSeconds() + " seconds; nothing was reset.");
                log.warn("Replay of processing group {} abandoned: the processor did not catch up", group);
                return;
            }
            processor.shutDown();
            try {
                processor.resetTokens(StreamableMessageSource::createTailToken);
                replay.reset(clock.instant());
                log.info("Processing group {} reset; replaying", group);
            } finally {
                processor.start();
            }
            await(() -> replayed(group, processor), null);
            replay.done(clock.instant());
            log.info("Replay of processing group {} done", group);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replay.failed(clock.instant(), "This instance stopped before the replay ended.");
        } catch (UnableToClaimTokenException e) {
            log.warn("Replay of processing group {} failed: a segment is claimed elsewhere", group, e);
            replay.failed(clock.instant(), "Another instance holds a segment of the processor; nothing was reset.");
        } catch (RuntimeException e) {
            log.error("Replay of processing group {} failed", group, e);
            replay.failed(clock.instant(), "The processor could not be reset; the log of this instance says why.");
        }
    }

    /** Running, every segment claimed here, caught up and past any earlier reset (such as a fresh processor's first). */
    private boolean readyForReset(String group, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return processor.isRunning() && !processor.isError()
                && !status.isEmpty() && status.size() >= segmentCount(group)
                && status.values().stream().allMatch(segment -> segment.isCaughtUp() && SegmentPositions.pastReset(segment)
                && !segment.isErrorState());
    }

    /** Running again, every segment claimed and none of them still behind the position it was reset at. */
    private boolean replayed(String group, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return processor.isRunning() && !status.isEmpty() && status.size() >= segmentCount(group)
                && status.values().stream().allMatch(SegmentPositions::pastReset);
    }

    private int segmentCount(String group) {
        return processing.transactionManager(group)
                .fetchInTransaction(() -> processing.tokenStore(group).fetchSegments(group).length);
    }

    private ReplayProgress progress(String group, StreamingEventProcessor processor, Replay replay) {
        long head = positions.head();
        List<SegmentProgress> segments = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(status -> segment(status, head))
                .toList();
        ReplayState state = replay == null ? ReplayState.IDLE : replay.state();
        int percent = switch (state) {
            case DONE -> 100;
            case PREPARING, FAILED -> replay.resetAt() == null ? 0 : slowest(segments);
            case IDLE, REPLAYING -> slowest(segments);
        };
        return replay == null
                ? new ReplayProgress(group, state, null, null, null, null, head, percent, segments)
                : new ReplayProgress(group, state, replay.requestedAt(), replay.resetAt(), replay.finishedAt(),
                        replay.error(), head, percent, segments);
    }

    private static SegmentProgress segment(EventTrackerStatus status, long head) {
        Long position = SegmentPositions.position(status);
        return new SegmentProgress(status.getSegment().getSegmentId(), position, percent(position, head),
                !SegmentPositions.pastReset(status), status.isCaughtUp(), status.isErrorState());
    }

    private static int percent(Long position, long head) {
        if (head <= 0) {
            return 100;
        }
        if (position == null || position <= 0) {
            return 0;
        }
        return (int) Math.min(100, position * 100 / head);
    }

    private static int slowest(List<SegmentProgress> segments) {
        return segments.stream().mapToInt(SegmentProgress::percent).min().orElse(0);
    }

    private StreamingEventProcessor replayableProcessor(String group) {
        Optional<EventProcessor> processor = processing.eventProcessor(group);
        return processor.filter(ReplayService::replayable)
                .map(StreamingEventProcessor.class::cast)
                .orElseThrow(() -> new UnknownProcessingGroupException(group));
    }

    /** A streaming processor that supports a reset, whose every handler declares a {@link ResetHandler}. */
    static boolean replayable(EventProcessor processor) {
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()
                || !(processor instanceof AbstractEventProcessor withHandlers)) {
            return false;
        }
        List<Class<?>> handlerTypes = handlerTypes(withHandlers.eventHandlerInvoker()).toList();
        return !handlerTypes.isEmpty() && handlerTypes.stream().allMatch(ReplayService::declaresResetHandler);
    }

    /** The types of the handlers behind an invoker; a saga manager or any other invoker counts as one without a reset. */
    private static Stream<Class<?>> handlerTypes(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(ReplayService::handlerTypes);
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple.eventHandlers().stream().map(handler -> ClassUtils.getUserClass(handler.getTargetType()));
        }
        return Stream.of(invoker.getClass());
    }

    private static boolean declaresResetHandler(Class<?> type) {
        return Stream.of(ReflectionUtils.getUniqueDeclaredMethods(type))
                .anyMatch(method -> AnnotatedElementUtils.hasAnnotation(method, ResetHandler.class));
    }

    private boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = timeout == null ? null : clock.instant().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (deadline != null && clock.instant().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return true;
    }

    /** One replay of one group on this instance; its worker writes, requests read. */
    private static final class Replay {

        private final Instant requestedAt;
        private volatile ReplayState state = ReplayState.PREPARING;
        private volatile Instant resetAt;
        private volatile Instant finishedAt;
        private volatile String error;

        Replay(Instant requestedAt) {
            this.requestedAt = requestedAt;
        }

        boolean active() {
            return state == ReplayState.PREPARING || state == ReplayState.REPLAYING;
        }

        void reset(Instant at) {
            resetAt = at;
            state = ReplayState.REPLAYING;
        }

        void done(Instant at) {
            finishedAt = at;
            state = ReplayState.DONE;
        }

        void failed(Instant at, String reason) {
            finishedAt = at;
            error = reason;
            state = ReplayState.FAILED;
        }

        ReplayState state() {
            return state;
        }

        Instant requestedAt() {
            return requestedAt;
        }

        Instant resetAt() {
            return resetAt;
        }

        Instant finishedAt() {
            return finishedAt;
        }

        String error() {
            return error;
        }
    }

    /** Daemon threads named after their task, so that a thread dump shows a waiting replay for what it is. */
    private static final class ReplayThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "replay-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
