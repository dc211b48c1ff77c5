package dev.syncline.emulator.gcalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * The requests one user made inside the quota's sliding window. A sliding log rather than fixed
 * buckets, so a client cannot double its rate by straddling a bucket edge. Refused requests do not
 * count against the quota.
 */
final class RequestWindow {

    private final Deque<Instant> admitted = new ArrayDeque<>();

    /** Admits the request, or answers how long until the window has room again. */
    synchronized Optional<Duration> admit(Instant now, CalendarQuota quota) {
        Instant windowStart = now.minus(quota.window());
        while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(windowStart)) {
            admitted.pollFirst();
        }
        if (admitted.size() < quota.requestsPerWindow()) {
            admitted.addLast(now);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, freeingRequest(quota).plus(quota.window())));
    }

    synchronized void clear() {
        admitted.clear();
    }

    /** The request whose leaving the window makes room; not the oldest one if the limit was lowered meanwhile. */
    private Instant freeingRequest(CalendarQuota quota) {
        int skip = admitted.size() - quota.requestsPerWindow();
        Iterator<Instant> oldestFirst = admitted.iterator();
        for (int i = 0; i < skip; i++) {
            oldestFirst.next();
        }
        return oldestFirst.next();
    }
}
