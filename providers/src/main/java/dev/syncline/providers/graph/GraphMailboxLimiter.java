package dev.syncline.providers.graph;

import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps each mailbox within Outlook's limits, whichever source and thread calls: at most
 * {@code permitsPerMailbox} requests in flight per account (4 by default, Outlook's concurrency limit), and
 * after a 429 no request at all to that mailbox until its {@code Retry-After} has passed. Create ONE instance
 * and give it to both {@link GraphMessageSource} and {@link GraphCalendarSource}, so that mail and calendar of
 * a mailbox share the limit. Mailboxes never wait for each other.
 *
 * <p>A {@code $batch} of n steps reserves min(n, permits) permits, because Outlook runs up to four steps of
 * a mailbox's batch at once and each counts against the limit.
 *
 * <p>A call that meets a running cool-down fails at once with {@link ProviderThrottledException} (the
 * remaining wait), rather than holding its thread; a call that finds no free permit within
 * {@code permitWait} fails the same way with a one-second wait.
 */
public final class GraphMailboxLimiter {

    /** What a caller is told to wait when its mailbox stayed busy for the whole permit wait. */
    public static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    private final int permitsPerMailbox;
    private final Duration permitWait;
    private final Clock clock;
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();

    public GraphMailboxLimiter(GraphSettings settings) {
        this(settings.maxConcurrentRequestsPerMailbox(), settings.permitWait(), Clock.systemUTC());
    }

    public GraphMailboxLimiter(int permitsPerMailbox, Duration permitWait, Clock clock) {
        if (permitsPerMailbox < 1) {
            throw new IllegalArgumentException("permitsPerMailbox must be at least 1");
        }
        this.permitsPerMailbox = permitsPerMailbox;
        this.permitWait = permitWait;
        this.clock = clock;
    }

    public int permitsPerMailbox() {
        return permitsPerMailbox;
    }

    /** How long the account must still wait after a 429, if it must. */
    public Optional<Duration> coolDownRemaining(String accountId) {
        Lane lane = lanes.get(accountId);
        if (lane == null) {
            return Optional.empty();
        }
        long left = lane.coolDownUntil.get() - clock.millis();
        return left > 0 ? Optional.of(Duration.ofMillis(left)) : Optional.empty();
    }

    /**
     * Reserves {@code requests} permits (capped at the per-mailbox maximum) for one call.
     *
     * @throws ProviderThrottledException while the account cools down, or when no permit came in time
     */
    Permit acquire(String accountId, int requests) {
        Lane lane = lanes.computeIfAbsent(accountId, id -> new Lane(new Semaphore(permitsPerMailbox, true)));
        int wanted = Math.max(1, Math.min(requests, permitsPerMailbox));
        refuseWhileCoolingDown(accountId);
        try {
            if (!lane.permits.tryAcquire(wanted, permitWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProviderThrottledException("Graph mailbox " + accountId + " stayed busy for "
                        + permitWait.toSeconds() + " s", BUSY_RETRY_AFTER, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientProviderException("Interrupted while waiting for a Graph request slot", e);
        }
        Permit permit = new Permit(lane.permits, wanted);
        try {
            // A call that waited for its permit may have waited through another call's 429.
            refuseWhileCoolingDown(accountId);
        } catch (ProviderThrottledException e) {
            permit.close();
            throw e;
        }
        return permit;
    }

    /** No call to the account until {@code retryAfter} from now has passed. */
    void coolDown(String accountId, Duration retryAfter) {
        Lane lane = lanes.computeIfAbsent(accountId, id -> new Lane(new Semaphore(permitsPerMailbox, true)));
        lane.coolDownUntil.accumulateAndGet(clock.millis() + retryAfter.toMillis(), Math::max);
    }

    private void refuseWhileCoolingDown(String accountId) {
        Optional<Duration> left = coolDownRemaining(accountId);
        if (left.isPresent()) {
            throw new ProviderThrottledException("Graph asked to wait before calling mailbox " + accountId
                    + " again (until " + Instant.ofEpochMilli(clock.millis()).plus(left.get()) + ")", left.get(), null);
        }
    }

    /** The permits held by one call; closing returns them, once. */
    static final class Permit implements AutoCloseable {

        private final Semaphore permits;
        private final int count;
        private boolean released;

        private Permit(Semaphore permits, int count) {
            this.permits = permits;
            this.count = count;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                permits.release(count);
            }
        }
    }

    private record Lane(Semaphore permits, AtomicLong coolDownUntil) {

        Lane(Semaphore permits) {
            this(permits, new AtomicLong());
        }
    }
}
