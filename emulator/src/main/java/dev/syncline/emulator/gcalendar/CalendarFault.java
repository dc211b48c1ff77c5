package dev.syncline.emulator.gcalendar;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A server error to answer to the next {@code times} Calendar API calls of one user.
 *
 * @param status     500 ({@code backendError}) or 503 (service unavailable)
 * @param retryAfter sent as {@code Retry-After} (seconds) with each failure, when present
 */
public record CalendarFault(int status, int times, Optional<Duration> retryAfter) {

    public CalendarFault {
        if (status != 500 && status != 503) {
            throw new IllegalArgumentException("status must be 500 or 503");
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.filter(wait -> wait.isNegative()).isPresent()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
    }

    /** {@code times} plain server errors with this status and no Retry-After. */
    public static CalendarFault serverErrors(int status, int times) {
        return new CalendarFault(status, times, Optional.empty());
    }

    public CalendarFault withRetryAfter(Duration wait) {
        return new CalendarFault(status, times, Optional.of(wait));
    }
}
