package dev.syncline.emulator.fault;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Faults waiting to be consumed, per endpoint, in the order they were queued. Each call to an
 * endpoint takes one occurrence of the oldest fault; concurrent calls never consume the same one.
 */
public final class FaultQueue {

    private final Map<FaultEndpoint, Queue<Pending>> pending = new EnumMap<>(FaultEndpoint.class);

    public FaultQueue() {
        for (FaultEndpoint endpoint : FaultEndpoint.values()) {
            pending.put(endpoint, new ConcurrentLinkedQueue<>());
        }
    }

    public void add(Fault fault) {
        pending.get(fault.endpoint()).add(new Pending(fault, new AtomicInteger(fault.times())));
    }

    /** Consumes one occurrence of the oldest fault queued for the endpoint, if any. */
    public Optional<Fault> take(FaultEndpoint endpoint) {
        Queue<Pending> queue = pending.get(endpoint);
        for (Pending head = queue.peek(); head != null; head = queue.peek()) {
            int before = head.remaining.getAndDecrement();
            if (before <= 1) {
                // Exhausted by this call (or an earlier racing one): it must not serve anyone else.
                queue.remove(head);
            }
            if (before >= 1) {
                return Optional.of(head.fault);
            }
        }
        return Optional.empty();
    }

    /** Faults still queued, with {@code times} set to the occurrences left. */
    public List<Fault> pending() {
        return pending.values().stream()
                .flatMap(Queue::stream)
                .flatMap(p -> {
                    int left = p.remaining.get();
                    return left > 0 ? Stream.of(p.fault.times(left)) : Stream.empty();
                })
                .toList();
    }

    public void clear() {
        pending.values().forEach(Queue::clear);
    }

    private record Pending(Fault fault, AtomicInteger remaining) {
    }
}
