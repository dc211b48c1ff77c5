package dev.syncline.command.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a dead Redis from costing a timeout per call: after a failure, calls are skipped for the open
 * time, then the next call probes Redis again. The first success after failures closes the circuit and
 * runs the recovery action. Used by every user of Redis: the token cache and the rate-limit buckets.
 */
public final class RedisCircuit {

    private final Clock clock;
    private final Duration openTime;
    private final Runnable onRecovery;
    private volatile Instant openUntil;
    private volatile Instant failingSince;
    private volatile String lastError;

    public RedisCircuit(Clock clock, Duration openTime, Runnable onRecovery) {
        this.clock = clock;
        this.openTime = openTime;
        this.onRecovery = onRecovery;
    }

    public boolean allowsCall() {
        Instant until = openUntil;
        return until == null || !clock.instant().isBefore(until);
    }

    public void failed(Throwable error) {
        Instant now = clock.instant();
        synchronized (this) {
            lastError = error.getClass().getName();
            if (failingSince == null) {
                failingSince = now;
            }
            openUntil = now.plus(openTime);
        }
    }

    public void succeeded() {
        if (failingSince == null) {
            return;
        }
        synchronized (this) {
            if (failingSince == null) {
                return;
            }
            failingSince = null;
            openUntil = null;
        }
        onRecovery.run();
    }

    /** Since when Redis has been failing, or {@code null} while it works. */
    public Instant failingSince() {
        return failingSince;
    }

    /** The class name of the last Redis error, or {@code null} if there was none. */
    public String lastError() {
        return lastError;
    }
}
