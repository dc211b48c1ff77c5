package dev.syncline.emulator.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Graph traffic of one mailbox: what executes now, the request budget of the current window, the
 * {@code Retry-After} the mailbox was last told, and the counters tests read.
 *
 * <p>How a {@code $batch} counts: the envelope is neither a request nor a concurrency slot; each of its
 * steps is admitted here like a request of its own, and {@link BatchEndpoint} runs at most four steps at
 * once (as Outlook does), so a batch of n steps occupies up to min(n, 4) slots. The adapters' limiter
 * reserves that many permits for a batch, which keeps a well-behaved client within the limit.
 */
final class MailboxTraffic {

    /** Requests that arrive this soon after a 429 were already on the wire when the client got it. */
    static final Duration RETRY_AFTER_GRACE = Duration.ofMillis(200);
    /** Outlook asks a client over its concurrency limit to wait briefly before trying again. */
    static final Duration CONCURRENCY_RETRY_AFTER = Duration.ofSeconds(1);

    private final AtomicInteger executing = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder concurrencyThrottled = new LongAdder();
    private final LongAdder duringRetryAfter = new LongAdder();
    private Instant windowStart;
    private int used;
    private Instant waitToldAt;
    private Instant waitUntil;

    /**
     * Decides whether a request may execute. When admitted, the caller must call {@link #finished()} once
     * it is done.
     *
     * @param sentAt when the request reached the emulator (for a batch step: when its batch did)
     */
    Admission admit(Instant sentAt, Instant now, ThrottleSettings settings) {
        requests.increment();
        countIfDuringRetryAfter(sentAt);
        int running = executing.incrementAndGet();
        peak.accumulateAndGet(running, Math::max);
        if (!settings.enabled()) {
            return Admission.ADMITTED;
        }
        if (running > settings.maxConcurrentRequests()) {
            executing.decrementAndGet();
            concurrencyThrottled.increment();
            return refuse(now, CONCURRENCY_RETRY_AFTER, "Application is over its MailboxConcurrency limit.");
        }
        Duration wait = consumeBudget(now, settings);
        if (wait != null) {
            executing.decrementAndGet();
            return refuse(now, wait, "Application is over its resource limit.");
        }
        return Admission.ADMITTED;
    }

    void finished() {
        executing.decrementAndGet();
    }

    void batchReceived() {
        batches.increment();
    }

    /** Remembers a {@code Retry-After} given with another answer (a 503 fault). */
    synchronized void toldToWait(Instant now, Duration wait) {
        Instant until = now.plus(wait);
        if (waitUntil == null || !now.isBefore(waitUntil)) {
            waitToldAt = now;
            waitUntil = until;
        } else if (until.isAfter(waitUntil)) {
            // A wait is already running: the client was told at its start, so the grace is not renewed.
            waitUntil = until;
        }
    }

    GraphMailboxCounters counters() {
        return new GraphMailboxCounters(requests.sum(), batches.sum(), throttled.sum(), concurrencyThrottled.sum(),
                peak.get(), duringRetryAfter.sum());
    }

    /** Zeroes the counts; the peak restarts from what executes now. */
    void resetCounters() {
        requests.reset();
        batches.reset();
        throttled.reset();
        concurrencyThrottled.reset();
        duringRetryAfter.reset();
        peak.set(executing.get());
    }

    private Admission refuse(Instant now, Duration wait, String message) {
        throttled.increment();
        toldToWait(now, wait);
        return new Admission(false, wait, message);
    }

    private synchronized Duration consumeBudget(Instant now, ThrottleSettings settings) {
        if (windowStart == null || !now.isBefore(windowStart.plus(settings.budgetWindow()))) {
            windowStart = now;
            used = 0;
        }
        if (used >= settings.requestBudget()) {
            Duration left = Duration.between(now, windowStart.plus(settings.budgetWindow()));
            long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
            return Duration.ofSeconds(seconds);
        }
        used++;
        return null;
    }

    private synchronized void countIfDuringRetryAfter(Instant sentAt) {
        if (waitUntil != null && sentAt.isBefore(waitUntil) && sentAt.isAfter(waitToldAt.plus(RETRY_AFTER_GRACE))) {
            duringRetryAfter.increment();
        }
    }

    /** Whether a request may execute, and if not, how long the client is told to wait. */
    record Admission(boolean admitted, Duration retryAfter, String message) {

        static final Admission ADMITTED = new Admission(true, null, null);
    }
}
