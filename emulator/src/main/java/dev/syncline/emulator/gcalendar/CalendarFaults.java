package dev.syncline.emulator.gcalendar;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Server errors queued for one user's next Calendar API calls, oldest first, and the latency added to
 * each of the user's calls. Concurrent calls never consume the same occurrence.
 */
final class CalendarFaults {

    private final Deque<CalendarFault> pending = new ArrayDeque<>();
    private volatile Duration latency = Duration.ZERO;

    synchronized void add(CalendarFault fault) {
        pending.addLast(fault);
    }

    /** Consumes one occurrence of the oldest queued fault. */
    synchronized Optional<CalendarFault> take() {
        CalendarFault head = pending.pollFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (head.times() > 1) {
            pending.addFirst(new CalendarFault(head.status(), head.times() - 1, head.retryAfter()));
        }
        return Optional.of(head);
    }

    /** Faults still queued, {@code times} counting the occurrences left. */
    synchronized List<CalendarFault> pending() {
        return List.copyOf(pending);
    }

    synchronized void clear() {
        pending.clear();
    }

    Duration latency() {
        return latency;
    }

    void setLatency(Duration added) {
        Objects.requireNonNull(added, "latency");
        if (added.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        latency = added;
    }
}
