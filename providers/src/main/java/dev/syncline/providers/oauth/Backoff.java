package dev.syncline.providers.oauth;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter (a random wait between half and all of the exponential step) for repeating a transient provider failure, bounded in attempts
 * and in the longest single wait. A provider's {@code Retry-After} wins over the computed delay, capped,
 * so that one long answer cannot hold a caller for minutes.
 */
public record Backoff(int attempts, Duration initial, Duration max) {

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait before the attempt after {@code failedAttempt} (1-based). */
    public Duration delayAfter(int failedAttempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        long ceiling = Math.min(max.toMillis(), initial.toMillis() * (1L << Math.min(20, failedAttempt - 1)));
        long jittered = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        return Duration.ofMillis(jittered);
    }

    public void pause(int failedAttempt, Duration retryAfter) {
        try {
            Thread.sleep(delayAfter(failedAttempt, retryAfter).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }
}
