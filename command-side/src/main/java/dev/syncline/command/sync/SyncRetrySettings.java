package dev.syncline.command.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a sync retries a page whose fetch failed for a transient reason. Throttling is not a failure: a
 * provider's Retry-After is waited out without using up these attempts.
 *
 * @param attempts       fetches of one page before the sync ends {@code FAILED}
 * @param initialBackoff the wait after the first failure; it doubles, with jitter, up to {@code maxBackoff}
 */
@ConfigurationProperties("syncline.sync.retry")
public record SyncRetrySettings(int attempts, Duration initialBackoff, Duration maxBackoff) {

    public SyncRetrySettings {
        attempts = attempts < 1 ? 6 : attempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
    }
}
