package dev.syncline.providers.gcalendar;

import dev.syncline.providers.sync.ProviderThrottledException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The client-side budget of each mailbox, keyed by account id: a token bucket refilled at
 * {@code requestsPerMinute} that holds a tenth of a minute's worth, so that even a full burst on top of
 * a minute at the steady rate stays under Google's per-user quota. After the provider throttles a
 * mailbox, that mailbox makes no call until the wait it was given has passed. Each mailbox has its own
 * lock: one never delays another.
 */
final class GoogleCalendarRateLimiter {

    private final double permitsPerSecond;
    private final double burst;
    private final Duration maxWait;
    private final Clock clock;
    private final ConcurrentMap<String, MailboxBudget> budgets = new ConcurrentHashMap<>();

    GoogleCalendarRateLimiter(int requestsPerMinute, Duration maxWait, Clock clock) {
        this.permitsPerSecond = requestsPerMinute / 60.0;
        this.burst = Math.max(1, requestsPerMinute / 10);
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /**
     * Takes the next permit of the mailbox; answers how long the caller must wait before using it.
     *
     * @throws ProviderThrottledException if the provider's wait is still running, or the budget is spent
     *                                    for longer than the configured longest wait
     */
    Duration reserve(String accountId) {
        return budget(accountId).reserve(clock.instant());
    }

    /** Checked again right before a call, in case another call of the mailbox was throttled meanwhile. */
    void requireNotPaused(String accountId) {
        budget(accountId).requireNotPaused(clock.instant());
    }

    /** The provider throttled the mailbox: no call until {@code wait} has passed. */
    void pause(String accountId, Duration wait) {
        budget(accountId).pauseUntil(clock.instant().plus(wait));
    }

    private MailboxBudget budget(String accountId) {
        return budgets.computeIfAbsent(accountId, id -> new MailboxBudget(burst, clock.instant()));
    }

    /** One mailbox's bucket and pause; every method holds the mailbox's own lock. */
    private final class MailboxBudget {

        private double permits;
        private Instant refilledAt;
        private Instant pausedUntil = Instant.MIN;

        MailboxBudget(double permits, Instant now) {
            this.permits = permits;
            this.refilledAt = now;
        }

        synchronized Duration reserve(Instant now) {
            requireNotPaused(now);
            refill(now);
            double missing = 1 - permits;
            Duration wait = missing <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(missing / permitsPerSecond * 1e9));
            if (wait.compareTo(maxWait) > 0) {
                throw new ProviderThrottledException("The client-side request budget of this mailbox is spent for "
                        + wait.toMillis() + " ms", wait, null);
            }
            // A negative balance is a queue: the next caller waits behind this one.
            permits -= 1;
            return wait;
        }

        synchronized void requireNotPaused(Instant now) {
            if (now.isBefore(pausedUntil)) {
                Duration left = Duration.between(now, pausedUntil);
                throw new ProviderThrottledException("Google throttled this mailbox; calls pause for another "
                        + left.toMillis() + " ms", left, null);
            }
        }

        synchronized void pauseUntil(Instant until) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }

        private void refill(Instant now) {
            if (now.isAfter(refilledAt)) {
                double elapsedSeconds = Duration.between(refilledAt, now).toNanos() / 1e9;
                permits = Math.min(burst, permits + elapsedSeconds * permitsPerSecond);
                refilledAt = now;
            }
        }
    }
}
