package dev.syncline.emulator.gmail;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;

/**
 * The calls reaching one mailbox: the moving-window quota, the counters, queued faults and added
 * latency. Time is {@link System#nanoTime()}, not the emulator's clock, which tests may stop.
 */
final class MailboxTraffic {

    private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

    private final UnitWindow admitted = new UnitWindow();
    private final UnitWindow demanded = new UnitWindow();
    private final Deque<Integer> faults = new ArrayDeque<>();
    private volatile long latencyNanos;
    private long requests;
    private long batchRequests;
    private long unitsUsed;
    private long throttledResponses;
    private long peakUnitsPerSecond;
    private int inProgress;
    private int maxConcurrent;
    private long requestsDuringRetryAfter;
    private boolean told;
    private long toldAt;
    private long blockedUntil;

    /**
     * Counts a call that arrived at {@code arrivedAt} and decides whether the quota lets it through.
     * Always pair with {@link #finish()}.
     */
    synchronized Admission admit(int cost, long arrivedAt, GmailThrottling throttling) {
        requests++;
        inProgress++;
        maxConcurrent = Math.max(maxConcurrent, inProgress);
        peakUnitsPerSecond = Math.max(peakUnitsPerSecond, demanded.add(arrivedAt, cost));
        // A call that left before the 429 was answered is not the client's fault; one sent after it is.
        if (told && arrivedAt - toldAt >= 0 && arrivedAt - blockedUntil < 0) {
            requestsDuringRetryAfter++;
        }
        if (throttling.enabled()) {
            long now = System.nanoTime();
            if (told && now - blockedUntil < 0) {
                throttledResponses++;
                return Admission.throttled(ceilSeconds(blockedUntil - now));
            }
            if (admitted.sumAt(now) + cost > throttling.unitsPerSecond()) {
                throttledResponses++;
                told = true;
                toldAt = now;
                blockedUntil = now + throttling.retryAfter().toNanos();
                return Admission.throttled(throttling.retryAfter().toSeconds());
            }
            admitted.add(now, cost);
        }
        unitsUsed += cost;
        return Admission.LET_THROUGH;
    }

    synchronized void finish() {
        inProgress--;
    }

    synchronized void batchReceived() {
        batchRequests++;
    }

    synchronized void addFaults(int status, int times) {
        for (int i = 0; i < times; i++) {
            faults.addLast(status);
        }
    }

    synchronized OptionalInt nextFault() {
        Integer status = faults.pollFirst();
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    synchronized int pendingFaults() {
        return faults.size();
    }

    void setLatency(Duration latency) {
        latencyNanos = latency.toNanos();
    }

    Duration latency() {
        return Duration.ofNanos(latencyNanos);
    }

    /** Waits the added latency of one call. */
    void pause() throws InterruptedException {
        long nanos = latencyNanos;
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    synchronized GmailCounters counters() {
        return new GmailCounters(requests, batchRequests, unitsUsed, throttledResponses, peakUnitsPerSecond,
                maxConcurrent, requestsDuringRetryAfter);
    }

    /** Zeroes the counters; a running Retry-After and the quota window stay, as they do at Google. */
    synchronized void resetCounters() {
        requests = 0;
        batchRequests = 0;
        unitsUsed = 0;
        throttledResponses = 0;
        peakUnitsPerSecond = 0;
        maxConcurrent = inProgress;
        requestsDuringRetryAfter = 0;
        demanded.clear();
    }

    private static long ceilSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Whether a call may go on, and if not, the Retry-After to send. */
    record Admission(boolean throttled, long retryAfterSeconds) {

        static final Admission LET_THROUGH = new Admission(false, 0);

        static Admission throttled(long seconds) {
            return new Admission(true, seconds);
        }
    }

    /** Units of the calls within the last second; callers hold the traffic's lock. */
    private static final class UnitWindow {

        private final Deque<long[]> entries = new ArrayDeque<>();
        private long sum;

        /** Adds a call and answers the units within the second that ends with it. */
        long add(long at, int units) {
            sumAt(at);
            entries.addLast(new long[]{at, units});
            sum += units;
            return sum;
        }

        long sumAt(long now) {
            while (!entries.isEmpty() && now - entries.peekFirst()[0] >= WINDOW_NANOS) {
                sum -= entries.pollFirst()[1];
            }
            return sum;
        }

        void clear() {
            entries.clear();
            sum = 0;
        }
    }
}
