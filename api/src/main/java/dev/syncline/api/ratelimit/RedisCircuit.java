package dev.syncline.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers that Redis just failed, so that for a while every bucket goes to this process instead of
 * waiting for another timeout; after that while, the next request tries Redis again. Logs once when
 * Redis is lost and once when it is back, not once per request.
 */
final class RedisCircuit {

    private static final Logger log = LoggerFactory.getLogger(RedisCircuit.class);
    private static final long CLOSED = Long.MIN_VALUE;

    private final TimeMeter clock;
    private final long openNanos;
    private final AtomicLong openUntilNanos = new AtomicLong(CLOSED);
    private final AtomicLong fallbacks = new AtomicLong();

    RedisCircuit(TimeMeter clock, Duration openFor) {
        this.clock = clock;
        this.openNanos = openFor.toNanos();
    }

    /** Whether the next request should try Redis: it has not failed lately, or the while has passed. */
    boolean allowsRedis() {
        long until = openUntilNanos.get();
        return until == CLOSED || clock.currentTimeNanos() >= until;
    }

    void succeeded() {
        if (openUntilNanos.getAndSet(CLOSED) != CLOSED) {
            log.info("Redis answers again: rate-limit buckets are shared between instances again");
        }
    }

    void failed(RuntimeException failure) {
        fallbacks.incrementAndGet();
        long previous = openUntilNanos.getAndSet(clock.currentTimeNanos() + openNanos);
        if (previous == CLOSED) {
            // The exception's class only: a Redis error message may carry the URL and its password.
            log.warn("Redis failed ({}); rate-limit buckets are kept in this process until it answers again",
                    failure.getClass().getSimpleName());
        }
    }

    /** Whether Redis failed lately and buckets are being kept in this process. */
    boolean isOpen() {
        return openUntilNanos.get() != CLOSED;
    }

    /** How many bucket operations went to this process because Redis failed or was being left alone. */
    long fallbacks() {
        return fallbacks.get();
    }

    void countSkipped() {
        fallbacks.incrementAndGet();
    }
}
