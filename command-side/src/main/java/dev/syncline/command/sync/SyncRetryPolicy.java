package dev.syncline.command.sync;

import dev.syncline.providers.oauth.Backoff;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Decides, after a failed fetch, whether and when a sync tries its page again. */
@Component
public class SyncRetryPolicy {

    private final Backoff backoff;

    public SyncRetryPolicy(SyncRetrySettings settings) {
        this.backoff = new Backoff(settings.attempts(), settings.initialBackoff(), settings.maxBackoff());
    }

    /** When attempt {@code failedAttempt + 1} is due, or empty when the attempts are used up. */
    public Optional<Instant> nextAttemptAfter(int failedAttempt, Instant now) {
        if (failedAttempt >= backoff.attempts()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(backoff.delayAfter(failedAttempt, null)));
    }
}
