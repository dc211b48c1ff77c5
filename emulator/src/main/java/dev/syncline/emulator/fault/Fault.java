package dev.syncline.emulator.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure to inject into the next {@code times} calls of an endpoint.
 *
 * @param delay      waited before answering; the whole point of {@link FaultKind#SLOW}, and
 *                   also usable with the other kinds to make a failure slow
 * @param retryAfter sent as {@code Retry-After} (seconds) with the failure, when present
 */
public record Fault(FaultEndpoint endpoint, FaultKind kind, int times, Duration delay, Optional<Duration> retryAfter) {

    /** A slow fault without an explicit delay waits this long. */
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(1);

    public Fault {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(kind, "kind");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** One occurrence, no delay (a default delay for {@code SLOW}), no Retry-After. */
    public static Fault of(FaultEndpoint endpoint, FaultKind kind) {
        return new Fault(endpoint, kind, 1, kind == FaultKind.SLOW ? DEFAULT_SLOW_DELAY : Duration.ZERO,
                Optional.empty());
    }

    public Fault times(int count) {
        return new Fault(endpoint, kind, count, delay, retryAfter);
    }

    public Fault delayedBy(Duration wait) {
        return new Fault(endpoint, kind, times, wait, retryAfter);
    }

    public Fault withRetryAfter(Duration wait) {
        return new Fault(endpoint, kind, times, delay, Optional.of(wait));
    }
}
