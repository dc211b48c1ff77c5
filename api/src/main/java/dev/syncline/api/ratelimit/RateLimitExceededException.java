package dev.syncline.api.ratelimit;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import java.time.Duration;

/**
 * A request over a rate limit: answered 429 with {@code Retry-After} in whole seconds, rounded up so
 * that a client that waits as told is let through.
 */
public class RateLimitExceededException extends ApiProblemException {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long retryAfterSeconds;

    /**
     * @param reason     what was limited, a sentence for the client that names no email, token or address
     * @param retryAfter how long until the request may succeed
     */
    public RateLimitExceededException(String reason, Duration retryAfter) {
        this(reason, seconds(retryAfter));
    }

    private RateLimitExceededException(String reason, long retryAfterSeconds) {
        super(ProblemType.RATE_LIMITED, reason + " Try again in " + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " second." : " seconds."));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The value of {@code Retry-After}: at least one second. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(Duration wait) {
        long nanos = Math.max(0, wait.toNanos());
        return Math.max(1, nanos / NANOS_PER_SECOND + (nanos % NANOS_PER_SECOND == 0 ? 0 : 1));
    }
}
