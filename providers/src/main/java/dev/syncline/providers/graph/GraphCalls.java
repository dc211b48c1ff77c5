package dev.syncline.providers.graph;

import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.ProviderSyncException;
import dev.syncline.providers.sync.ProviderThrottledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Runs one Graph call for a mailbox: within the mailbox's permits, and with any failure classified. A 429
 * starts the mailbox's cool-down before the permits are returned, so that calls waiting for them meet the
 * cool-down instead of Graph.
 */
final class GraphCalls {

    private static final Logger log = LoggerFactory.getLogger(GraphCalls.class);

    private final GraphMailboxLimiter limiter;
    private final Clock clock;

    GraphCalls(GraphMailboxLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    <T> T run(MailboxAccess access, String what, Supplier<T> call) {
        return run(access, what, 1, call);
    }

    /** @param requests how many requests the call makes at once at Graph (the steps of a batch) */
    <T> T run(MailboxAccess access, String what, int requests, Supplier<T> call) {
        GraphMailboxLimiter.Permit permit = limiter.acquire(access.accountId(), requests);
        try {
            return call.get();
        } catch (RuntimeException e) {
            ProviderSyncException failure = GraphFailures.classify(e, what, clock.instant());
            if (failure instanceof ProviderThrottledException throttled) {
                limiter.coolDown(access.accountId(), throttled.retryAfter());
                log.info("Graph throttled account {} on {}: waiting {} s", access.accountId(), what,
                        throttled.retryAfter().toSeconds());
            }
            throw failure;
        } finally {
            permit.close();
        }
    }
}
