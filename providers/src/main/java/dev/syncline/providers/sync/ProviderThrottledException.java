package dev.syncline.providers.sync;

import java.time.Duration;

/** The provider throttled the mailbox (429, or 403 rate-limit) and named how long to wait, or we chose a wait. */
public class ProviderThrottledException extends ProviderSyncException {

    /** Google and Microsoft usually name the wait; when neither did, this is a polite one. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final Duration retryAfter;

    /** @param retryAfter the wait the provider named; null or negative means {@link #DEFAULT_RETRY_AFTER} */
    public ProviderThrottledException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? DEFAULT_RETRY_AFTER : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
