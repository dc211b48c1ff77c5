package dev.syncline.api.identity;

import dev.syncline.api.ratelimit.RateLimitBuckets;
import dev.syncline.api.ratelimit.RateLimitExceededException;
import dev.syncline.api.ratelimit.RateLimitProperties;
import dev.syncline.command.vault.TokenFingerprinter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing against one email, from any number of addresses: from the
 * {@code threshold}-th failed login on, each failure locks the email for the first delay, then twice as
 * long, and so on up to the maximum; a login while it is locked is answered 429 without looking at the
 * password, and a successful login clears it. Failures are remembered until none has happened for the
 * window plus the longest lock, so that an attacker who waits out the longest lock still finds them.
 *
 * <p>Every email is tracked alike, registered or not, and only by a keyed hash of its normalized form
 * (the vault's fingerprint HMAC), so neither the answers, nor their timing, nor the store tell whether an
 * account exists, and whoever reads Redis cannot confirm a guessed email by hashing it. Two Bucket4j
 * buckets per email hold the state: a counter whose tokens never come back (the entry's time to live,
 * renewed by each failure, ends the count), and the lock, which refills one token per millisecond and
 * is locked by taking that many tokens from it on credit.
 */
@Component
public class FailedLoginThrottle {

    private static final String FAILURES = "login-failures:";
    private static final String LOCK = "login-lock:";
    /** Keeps these hashes apart from the token fingerprints made with the same key. */
    private static final String EMAIL_CONTEXT = "failed-login-email:";
    /** Failures counted beyond the threshold; by then the lock has long reached its maximum. */
    private static final int COUNTED_BEYOND_THRESHOLD = 64;
    /** Longer than any counter lives: its entry expires long before. */
    private static final Duration NEVER = Duration.ofDays(3650);

    private final RateLimitBuckets buckets;
    private final TokenFingerprinter keyedHash;
    private final RateLimitProperties.FailedLogins settings;
    private final boolean enabled;
    private final int counterCapacity;
    private final Duration failuresRemembered;
    private final BucketConfiguration failureCounter;
    private final BucketConfiguration lock;

    public FailedLoginThrottle(RateLimitBuckets buckets, RateLimitProperties properties, TokenFingerprinter keyedHash) {
        this.buckets = buckets;
        this.keyedHash = keyedHash;
        this.settings = properties.failedLogins();
        this.enabled = properties.enabled();
        this.counterCapacity = settings.threshold() + COUNTED_BEYOND_THRESHOLD;
        this.failuresRemembered = settings.window().plus(settings.maxDelay());
        this.failureCounter = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(counterCapacity).refillIntervally(counterCapacity, NEVER))
                .build();
        this.lock = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMillis(1)))
                .build();
    }

    /**
     * @throws RateLimitExceededException while the email is locked, with the time left
     */
    public void checkNotLocked(String email) {
        if (!enabled) {
            return;
        }
        EstimationProbe probe = lockOf(key(email)).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw new RateLimitExceededException("Too many failed logins for this email address.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Counts a failed login and, from the threshold on, locks the email for the next, longer delay. */
    public void recordFailure(String email) {
        if (!enabled) {
            return;
        }
        String key = key(email);
        Bucket counter = buckets.bucket(FAILURES + key, failureCounter, failuresRemembered);
        long failures = counterCapacity - counter.tryConsumeAndReturnRemaining(1).getRemainingTokens();
        if (failures >= settings.threshold()) {
            lockOf(key).consumeIgnoringRateLimits(lockAfter(failures).toMillis());
        }
    }

    /** Forgets the email's failures and lock after a successful login. */
    public void recordSuccess(String email) {
        if (!enabled) {
            return;
        }
        String key = key(email);
        buckets.forget(FAILURES + key);
        buckets.forget(LOCK + key);
    }

    /** How long the {@code failures}-th failure of a window locks the email: 0 before the threshold. */
    Duration lockAfter(long failures) {
        if (failures < settings.threshold()) {
            return Duration.ZERO;
        }
        Duration delay = settings.firstDelay();
        for (long doubling = settings.threshold(); doubling < failures && delay.compareTo(settings.maxDelay()) < 0; doubling++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private Bucket lockOf(String key) {
        return buckets.bucket(LOCK + key, lock);
    }

    /** The keyed hash of the normalized email: the email itself never becomes a key. */
    String key(String email) {
        String normalized = UserStore.normalizeEmail(email == null ? "" : email);
        return keyedHash.fingerprint(EMAIL_CONTEXT + normalized);
    }
}
