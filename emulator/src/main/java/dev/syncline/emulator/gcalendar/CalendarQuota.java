package dev.syncline.emulator.gcalendar;

import java.time.Duration;
import java.util.Objects;

/**
 * The per-user request quota of the emulated Calendar API: at most {@code requestsPerWindow} requests in
 * any sliding {@code window}. Google publishes about 600 requests per minute per user; tests shrink the
 * window and the limit so they reach it in a second or two.
 *
 * @param enabled off by default, so that tests which do not care about quotas never meet one
 */
public record CalendarQuota(boolean enabled, int requestsPerWindow, Duration window, ThrottleAnswer answer) {

    /** Google's published per-user figure, switched off. */
    public static final CalendarQuota GOOGLE_DEFAULT =
            new CalendarQuota(false, 600, Duration.ofMinutes(1), ThrottleAnswer.TOO_MANY_REQUESTS);

    public CalendarQuota {
        if (requestsPerWindow < 1) {
            throw new IllegalArgumentException("requestsPerWindow must be at least 1");
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        Objects.requireNonNull(answer, "answer");
    }

    public CalendarQuota withEnabled(boolean on) {
        return new CalendarQuota(on, requestsPerWindow, window, answer);
    }

    /** The same quota, switched on, with a different limit and window. */
    public CalendarQuota limitedTo(int requests, Duration per) {
        return new CalendarQuota(true, requests, per, answer);
    }

    public CalendarQuota answeredWith(ThrottleAnswer refusal) {
        return new CalendarQuota(enabled, requestsPerWindow, window, refusal);
    }
}
