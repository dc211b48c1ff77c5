package dev.syncline.api.cluster;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost a race: another node appended to the same aggregate first, so the
 * event store rejected this one's events by their sequence number ({@link ConcurrencyException}). The retry
 * loads the aggregate as the winner left it and decides again. Every other failure, a business rule or a
 * malformed command, is answered at once: trying again would give the same answer. Retries back off
 * exponentially, so two nodes that collided once do not collide again on the same beat; they run on threads
 * of their own, where the retried command's handler runs too.
 */
public class ConcurrencyConflictRetryScheduler implements RetryScheduler, AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, new AxonThreadFactory("command-retry"));
    private final RetryScheduler backoff;

    public ConcurrencyConflictRetryScheduler(ClusterProperties.CommandRetry settings) {
        this.backoff = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .backoffFactor(settings.interval().toMillis())
                .maxRetryCount(settings.attempts())
                .build();
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        return isConcurrencyConflict(lastFailure) && backoff.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
