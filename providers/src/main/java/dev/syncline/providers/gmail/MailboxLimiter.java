package dev.syncline.providers.gmail;

import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps each mailbox inside Gmail's per-user quota, one budget per account so that one mailbox never
 * waits for another. A call may start when the units of calls still running, plus those of calls that
 * finished less than a window ago, leave room for it. Counting from a call's end rather than its start
 * makes the guarantee hold at Google's side too, whatever the network delay: the server saw the earlier
 * call before it ended, and sees the next one after it starts.
 *
 * <p>After a 429 the mailbox is closed until the Retry-After is over; a call in that time fails at once
 * with {@link ProviderThrottledException} and never reaches Gmail.
 */
final class MailboxLimiter {

    private final int unitsPerWindow;
    private final long windowNanos;
    private final int callsPerMailbox;
    private final long maxWaitNanos;
    private final ConcurrentMap<String, Budget> budgets = new ConcurrentHashMap<>();

    /**
     * @param window  Gmail's quota window is one second
     * @param maxWait the longest a call waits for its turn before the fetch fails as transient
     */
    MailboxLimiter(int unitsPerWindow, Duration window, int callsPerMailbox, Duration maxWait) {
        this.unitsPerWindow = unitsPerWindow;
        this.windowNanos = window.toNanos();
        this.callsPerMailbox = callsPerMailbox;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * Waits until the mailbox's budget has room for a call of {@code units}; close the permit when the
     * call has ended, failed or not.
     *
     * @throws ProviderThrottledException while a Retry-After of this mailbox is running
     * @throws TransientProviderException when no turn came within the longest wait, or on interruption
     */
    Permit acquire(String accountId, int units) {
        return budget(accountId).acquire(Math.min(units, unitsPerWindow));
    }

    /** Gmail throttled the mailbox: no call of it starts before {@code retryAfter} has passed. */
    void throttled(String accountId, Duration retryAfter) {
        budget(accountId).block(retryAfter);
    }

    private Budget budget(String accountId) {
        return budgets.computeIfAbsent(accountId, id -> new Budget());
    }

    /** A granted turn; closing it records when the call ended. Closing twice counts once. */
    interface Permit extends AutoCloseable {

        @Override
        void close();
    }

    private final class Budget {

        /** {@code [endedAt, units]} of calls that ended within the last window, oldest first. */
        private final Deque<long[]> ended = new ArrayDeque<>();
        private long endedUnits;
        private long runningUnits;
        private int running;
        private boolean blocked;
        private long blockedUntil;

        synchronized Permit acquire(int units) {
            long deadline = System.nanoTime() + maxWaitNanos;
            while (true) {
                long now = System.nanoTime();
                if (blocked && now - blockedUntil < 0) {
                    throw new ProviderThrottledException("Gmail throttled this mailbox; its Retry-After is still running",
                            Duration.ofNanos(blockedUntil - now), null);
                }
                forgetOlderThanWindow(now);
                if (running < callsPerMailbox && endedUnits + runningUnits + units <= unitsPerWindow) {
                    running++;
                    runningUnits += units;
                    AtomicBoolean released = new AtomicBoolean();
                    return () -> {
                        if (released.compareAndSet(false, true)) {
                            release(units);
                        }
                    };
                }
                long waitNanos = ended.isEmpty() || running >= callsPerMailbox
                        ? deadline - now : ended.peekFirst()[0] + windowNanos - now;
                if (deadline - now <= 0) {
                    throw new TransientProviderException("No turn for a Gmail call of this mailbox within "
                            + Duration.ofNanos(maxWaitNanos).toSeconds() + " s", null);
                }
                pause(Math.min(waitNanos, deadline - now));
            }
        }

        synchronized void block(Duration retryAfter) {
            long until = System.nanoTime() + retryAfter.toNanos();
            if (!blocked || until - blockedUntil > 0) {
                blockedUntil = until;
            }
            blocked = true;
            notifyAll();
        }

        private synchronized void release(int units) {
            running--;
            runningUnits -= units;
            ended.addLast(new long[]{System.nanoTime(), units});
            endedUnits += units;
            notifyAll();
        }

        private void forgetOlderThanWindow(long now) {
            while (!ended.isEmpty() && now - ended.peekFirst()[0] >= windowNanos) {
                endedUnits -= ended.pollFirst()[1];
            }
        }

        private void pause(long nanos) {
            try {
                // Object.wait releases the budget's lock, so a finishing call can notify this one.
                wait(Math.max(1, (nanos + 999_999) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientProviderException("Interrupted while waiting for a Gmail call turn", e);
            }
        }
    }
}
