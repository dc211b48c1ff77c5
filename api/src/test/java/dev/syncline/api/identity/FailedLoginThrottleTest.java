package dev.syncline.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.syncline.api.ratelimit.BucketStore;
import dev.syncline.api.ratelimit.LocalRedis;
import dev.syncline.api.ratelimit.ManualTimeMeter;
import dev.syncline.api.ratelimit.RateLimitBuckets;
import dev.syncline.api.ratelimit.RateLimitExceededException;
import dev.syncline.api.ratelimit.RateLimitProperties;
import dev.syncline.api.security.Sha256;
import dev.syncline.command.vault.KeyRing;
import dev.syncline.command.vault.TokenFingerprinter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailedLoginThrottleTest {

    private static final String EMAIL = "ada@example.com";
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final RateLimitProperties DEFAULTS =
            new RateLimitProperties(true, "", 100, null, null, null, null, null, null, null);

    private final TokenFingerprinter keyedHash = new TokenFingerprinter(KeyRing.generate());
    private final ManualTimeMeter clock = new ManualTimeMeter(START);
    private final String prefix = LocalRedis.uniquePrefix();
    private RateLimitBuckets buckets;

    @AfterEach
    void closeAndCleanUp() {
        if (buckets != null) {
            buckets.close();
        }
        try (LocalRedis redis = new LocalRedis()) {
            redis.deleteAll(prefix);
        }
    }

    @ParameterizedTest
    @EnumSource(BucketStore.class)
    void fourFailuresLeaveTheEmailOpen(BucketStore store) {
        FailedLoginThrottle throttle = throttle(store);

        fail(throttle, 4);

        assertThatCode(() -> throttle.checkNotLocked(EMAIL)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(BucketStore.class)
    void fifthFailureLocksTheEmailForOneSecond(BucketStore store) {
        FailedLoginThrottle throttle = throttle(store);

        fail(throttle, 5);

        assertThat(lockSeconds(throttle)).isEqualTo(1);
        clock.advance(Duration.ofMillis(999));
        assertThat(lockSeconds(throttle)).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThatCode(() -> throttle.checkNotLocked(EMAIL)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(BucketStore.class)
    void eachFurtherFailureDoublesTheLockUpToFifteenMinutes(BucketStore store) {
        FailedLoginThrottle throttle = throttle(store);
        fail(throttle, 4);
        List<Long> locks = new ArrayList<>();

        for (int failure = 5; failure <= 16; failure++) {
            throttle.recordFailure(EMAIL);
            long seconds = lockSeconds(throttle);
            locks.add(seconds);
            clock.advance(Duration.ofSeconds(seconds));
        }

        assertThat(locks).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L);
    }

    @ParameterizedTest
    @EnumSource(BucketStore.class)
    void failuresAreRememberedWhileTheyFollowEachOtherWithinTheWindow(BucketStore store) {
        FailedLoginThrottle throttle = throttle(store);

        for (int failure = 1; failure <= 4; failure++) {
            throttle.recordFailure(EMAIL);
            clock.advance(Duration.ofMinutes(10));
        }
        throttle.recordFailure(EMAIL);

        assertThat(lockSeconds(throttle)).isPositive();
    }

    @Test
    void failuresAreForgottenOnceNoneHasHappenedForTheWindowAndTheLongestLock() {
        FailedLoginThrottle throttle = throttle(BucketStore.IN_PROCESS);
        fail(throttle, 4);

        clock.advance(Duration.ofMinutes(30));
        fail(throttle, 1);

        assertThatCode(() -> throttle.checkNotLocked(EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void redisDropsTheFailuresAfterTheWindowAndTheLongestLockAndTheLockWhenItEnds() {
        FailedLoginThrottle throttle = throttle(BucketStore.REDIS);

        fail(throttle, 6);

        String hash = throttle.key(EMAIL);
        try (LocalRedis redis = new LocalRedis()) {
            // Redis counts these down in real time; the test's clock only decided them.
            assertThat(redis.timeToLiveMillis(prefix + "login-failures:" + hash))
                    .isBetween(Duration.ofMinutes(30).minusSeconds(5).toMillis(), Duration.ofMinutes(30).toMillis());
            assertThat(redis.timeToLiveMillis(prefix + "login-lock:" + hash))
                    .isBetween(Duration.ofSeconds(3).toMillis(), Duration.ofSeconds(3).plusSeconds(10).toMillis());
        }
    }

    @ParameterizedTest
    @EnumSource(BucketStore.class)
    void successfulLoginClearsTheFailuresAndTheLock(BucketStore store) {
        FailedLoginThrottle throttle = throttle(store);
        fail(throttle, 7);

        throttle.recordSuccess(EMAIL);
        fail(throttle, 4);

        assertThatCode(() -> throttle.checkNotLocked(EMAIL)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(BucketStore.class)
    void anEmailIsTheSameWhateverItsCaseAndSurroundingSpace(BucketStore store) {
        FailedLoginThrottle throttle = throttle(store);

        fail(throttle, 4);
        throttle.recordFailure("  ADA@Example.com ");

        assertThat(lockSeconds(throttle)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(BucketStore.class)
    void failuresForOneEmailDoNotLockAnother(BucketStore store) {
        FailedLoginThrottle throttle = throttle(store);

        fail(throttle, 10);

        assertThatCode(() -> throttle.checkNotLocked("grace@example.com")).doesNotThrowAnyException();
    }

    @Test
    void redisHoldsOnlyAKeyedHashOfTheEmailThatAPlainHashCannotConfirm() {
        FailedLoginThrottle throttle = throttle(BucketStore.REDIS);

        fail(throttle, 5);
        throttle.checkNotLocked("grace@example.com");

        String hash = throttle.key(EMAIL);
        assertThat(throttle.key(" Ada@EXAMPLE.com")).isEqualTo(hash);
        try (LocalRedis redis = new LocalRedis()) {
            List<String> keys = redis.keys(prefix);
            assertThat(keys).contains(prefix + "login-failures:" + hash, prefix + "login-lock:" + hash);
            // No part of either address ("ada" is left out: hex digits, as in the random prefix, may spell it).
            assertThat(keys).noneMatch(key -> key.contains("@") || key.contains("example") || key.contains("grace"))
                    .noneMatch(key -> key.contains(Sha256.hex(EMAIL)));
        }
    }

    @Test
    void anotherKeyRingHashesTheSameEmailDifferently() {
        FailedLoginThrottle throttle = throttle(BucketStore.IN_PROCESS);
        FailedLoginThrottle elsewhere = new FailedLoginThrottle(buckets, DEFAULTS, new TokenFingerprinter(KeyRing.generate()));

        assertThat(elsewhere.key(EMAIL)).isNotEqualTo(throttle.key(EMAIL));
    }

    @Test
    void disabledLimitsNeverLockAnEmail() {
        buckets = BucketStore.IN_PROCESS.open(prefix, clock);
        FailedLoginThrottle throttle = new FailedLoginThrottle(buckets,
                new RateLimitProperties(false, "", 100, null, null, null, null, null, null, null), keyedHash);

        fail(throttle, 20);

        assertThatCode(() -> throttle.checkNotLocked(EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void lockGrowsFromTheFirstDelayAtTheThresholdToTheMaximum() {
        buckets = BucketStore.IN_PROCESS.open(prefix, clock);
        FailedLoginThrottle throttle = new FailedLoginThrottle(buckets, DEFAULTS, keyedHash);

        assertThat(throttle.lockAfter(4)).isZero();
        assertThat(throttle.lockAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.lockAfter(8)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.lockAfter(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(throttle.lockAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.lockAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    private FailedLoginThrottle throttle(BucketStore store) {
        buckets = store.open(prefix, clock);
        return new FailedLoginThrottle(buckets, DEFAULTS, keyedHash);
    }

    private static void fail(FailedLoginThrottle throttle, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(EMAIL);
        }
    }

    private static long lockSeconds(FailedLoginThrottle throttle) {
        RateLimitExceededException locked = catchThrowableOfType(RateLimitExceededException.class, () -> throttle.checkNotLocked(EMAIL));
        assertThat(locked).as("the email is locked").isNotNull();
        return locked.retryAfterSeconds();
    }
}
