package dev.syncline.emulator.gcalendar;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts one user's Calendar API calls, and remembers until when that user was told to wait, so a test
 * can prove that a client honoured every {@code Retry-After} it was given.
 */
final class CalendarCallCounters {

    private final LongAdder requests = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder requestsDuringRetryAfter = new LongAdder();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicReference<Instant> toldToWaitUntil = new AtomicReference<>(Instant.MIN);

    /** Call when a request arrives, and {@link #finished()} in a finally. */
    void arrived(Instant now) {
        requests.increment();
        if (now.isBefore(toldToWaitUntil.get())) {
            requestsDuringRetryAfter.increment();
        }
        maxConcurrent.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
    }

    void finished() {
        inProgress.decrementAndGet();
    }

    void throttled() {
        throttled.increment();
    }

    /** The user was told, by a Retry-After, not to call again before {@code until}. */
    void toldToWaitUntil(Instant until) {
        toldToWaitUntil.accumulateAndGet(until, (current, next) -> next.isAfter(current) ? next : current);
    }

    CalendarCounters snapshot() {
        return new CalendarCounters(requests.sum(), throttled.sum(), maxConcurrent.get(), requestsDuringRetryAfter.sum());
    }

    /** Zeroes the counts; a wait the user was told about still runs, and the peak restarts from the calls in progress. */
    void reset() {
        requests.reset();
        throttled.reset();
        requestsDuringRetryAfter.reset();
        maxConcurrent.set(inProgress.get());
    }
}
