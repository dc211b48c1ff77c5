package dev.syncline.providers.sync;

import java.time.Duration;

/** The provider throttled the mailbox (429, or 403 rate-limit) and named how long to wait, or we chose a wait. */
public class ProviderThrottledException extends ProviderSyncException {

    private final Duration retryAfter;

    public ProviderThrottledException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
