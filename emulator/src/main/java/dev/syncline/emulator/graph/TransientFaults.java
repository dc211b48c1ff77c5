package dev.syncline.emulator.graph;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server failures queued for a mailbox's next Graph calls: each call takes one occurrence of the oldest
 * queued fault and answers its status instead of the real answer.
 */
final class TransientFaults {

    static final Set<Integer> STATUSES = Set.of(500, 503, 504);

    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

    void add(Fault fault) {
        pending.add(new Pending(fault, new AtomicInteger(fault.times())));
    }

    Optional<Fault> take() {
        for (Pending head = pending.peek(); head != null; head = pending.peek()) {
            int before = head.remaining().getAndDecrement();
            if (before <= 1) {
                pending.remove(head);
            }
            if (before >= 1) {
                return Optional.of(head.fault());
            }
        }
        return Optional.empty();
    }

    List<Fault> pending() {
        return pending.stream().filter(p -> p.remaining().get() > 0)
                .map(p -> new Fault(p.fault().status(), p.remaining().get(), p.fault().retryAfter())).toList();
    }

    void clear() {
        pending.clear();
    }

    /**
     * {@code times} calls answer {@code status} (500, 503 or 504), with {@code Retry-After} when
     * {@code retryAfter} is not null.
     */
    record Fault(int status, int times, Duration retryAfter) {

        Fault {
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("status must be one of " + STATUSES);
            }
            if (times < 1) {
                throw new IllegalArgumentException("times must be at least 1");
            }
        }
    }

    private record Pending(Fault fault, AtomicInteger remaining) {
    }
}
