package dev.syncline.emulator.gmail;

import java.time.Duration;
import java.util.Objects;

/**
 * Gmail's per-user quota as the emulator enforces it: off by default; when on, calls beyond
 * {@code unitsPerSecond} in any moving one-second window answer 429 with {@code Retry-After}, and the
 * mailbox stays throttled until that time has passed.
 *
 * @param retryAfter what the 429 tells the client to wait, in whole seconds (Gmail's own can be minutes)
 */
public record GmailThrottling(boolean enabled, int unitsPerSecond, Duration retryAfter) {

    /** Google's published per-user quota. */
    public static final int GMAIL_UNITS_PER_SECOND = 250;
    /** Short, so that tests which provoke a 429 do not wait long. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(2);

    public GmailThrottling {
        if (unitsPerSecond < 1) {
            throw new IllegalArgumentException("unitsPerSecond must be positive");
        }
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("retryAfter must be at least one second");
        }
    }

    public static GmailThrottling defaults() {
        return new GmailThrottling(false, GMAIL_UNITS_PER_SECOND, DEFAULT_RETRY_AFTER);
    }

    public GmailThrottling withEnabled(boolean on) {
        return new GmailThrottling(on, unitsPerSecond, retryAfter);
    }

    public GmailThrottling withUnitsPerSecond(int units) {
        return new GmailThrottling(enabled, units, retryAfter);
    }

    public GmailThrottling withRetryAfter(Duration wait) {
        return new GmailThrottling(enabled, unitsPerSecond, wait);
    }
}
