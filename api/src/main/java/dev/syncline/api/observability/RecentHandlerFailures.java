package dev.syncline.api.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The last failure of each processing group's event handling on this instance, remembered for a while. A pooled
 * processor releases a failed segment and claims it again after a back-off, so its error state shows only between
 * the two; this record keeps a processor that fails over and over visibly in error. Groups with a dead-letter
 * queue seldom get here: their failed events become dead letters, counted by the {@code deadLetterQueue} health.
 */
public class RecentHandlerFailures {

    /** A processor that has not failed for this long counts as healthy again. */
    public static final Duration REMEMBERED = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Failure> lastFailures = new ConcurrentHashMap<>();

    public RecentHandlerFailures(Clock clock) {
        this.clock = clock;
    }

    /** When a group's handling last failed, and how. */
    public record Failure(Instant at, String message) {
    }

    /** The interceptor that records the failures of {@code group}'s batches, then lets them go on as before. */
    public MessageHandlerInterceptor<EventMessage<?>> recorder(String group) {
        return new Recorder(group);
    }

    /** The group's last failure if it happened within {@link #REMEMBERED}. */
    public Optional<Failure> recent(String group) {
        Failure failure = lastFailures.get(group);
        if (failure == null || failure.at().isBefore(clock.instant().minus(REMEMBERED))) {
            return Optional.empty();
        }
        return Optional.of(failure);
    }

    private final class Recorder implements MessageHandlerInterceptor<EventMessage<?>> {

        private final String group;

        private Recorder(String group) {
            this.group = group;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            try {
                return chain.proceed();
            } catch (Exception | Error e) {
                // The class and message, as a segment's own error shows them; handlers never put secrets in messages.
                lastFailures.put(group, new Failure(clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage()));
                throw e;
            }
        }
    }
}
