package dev.syncline.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RateLimitBucketsTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final BucketConfiguration THREE_A_MINUTE = new RateLimitedEndpoints.Endpoint("test", request -> true,
            new RateLimitProperties.Limit(3, PERIOD)).bucketConfiguration();

    private static final ExpirationAfterWriteStrategy EXPIRATION =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(RateLimitBuckets.KEEP_AFTER_REFILL);

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
    void bucketLetsItsCapacityThroughThenTellsHowLongUntilThePeriodEnds(BucketStore store) {
        buckets = store.open(prefix, clock);
        Bucket bucket = buckets.bucket("ip:test:192.0.2.1", THREE_A_MINUTE);

        List<Boolean> consumed = List.of(bucket.tryConsume(1), bucket.tryConsume(1), bucket.tryConsume(1));
        clock.advance(Duration.ofSeconds(20));
        ConsumptionProbe fourth = bucket.tryConsumeAndReturnRemaining(1);

        assertThat(consumed).containsOnly(true);
        assertThat(fourth.isConsumed()).isFalse();
        assertThat(Duration.ofNanos(fourth.getNanosToWaitForRefill())).isEqualTo(Duration.ofSeconds(40));
    }

    @ParameterizedTest
    @EnumSource(BucketStore.class)
    void bucketIsFullAgainWhenItsPeriodHasPassed(BucketStore store) {
        buckets = store.open(prefix, clock);
        Bucket bucket = buckets.bucket("ip:test:192.0.2.1", THREE_A_MINUTE);
        bucket.tryConsume(3);

        clock.advance(PERIOD);

        assertThat(bucket.getAvailableTokens()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(BucketStore.class)
    void bucketIsSharedByEveryHandleOnTheSameKeyAndByNoOtherKey(BucketStore store) {
        buckets = store.open(prefix, clock);
        buckets.bucket("ip:test:192.0.2.1", THREE_A_MINUTE).tryConsume(3);

        assertThat(buckets.bucket("ip:test:192.0.2.1", THREE_A_MINUTE).tryConsume(1)).isFalse();
        assertThat(buckets.bucket("ip:test:192.0.2.2", THREE_A_MINUTE).tryConsume(1)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(BucketStore.class)
    void forgottenBucketStartsFull(BucketStore store) {
        buckets = store.open(prefix, clock);
        buckets.bucket("ip:test:192.0.2.1", THREE_A_MINUTE).tryConsume(3);

        buckets.forget("ip:test:192.0.2.1");

        assertThat(buckets.bucket("ip:test:192.0.2.1", THREE_A_MINUTE).getAvailableTokens()).isEqualTo(3);
    }

    @Test
    void redisKeysCarryThePrefixAndExpireOnceTheBucketHasRefilled() {
        buckets = BucketStore.REDIS.open(prefix, clock);
        buckets.bucket("ip:test:192.0.2.1", THREE_A_MINUTE).tryConsume(1);

        try (LocalRedis redis = new LocalRedis()) {
            assertThat(redis.keys(prefix)).containsExactly(prefix + "ip:test:192.0.2.1");
            assertThat(redis.timeToLiveMillis(prefix + "ip:test:192.0.2.1"))
                    .isPositive()
                    .isLessThanOrEqualTo(PERIOD.plus(RateLimitBuckets.KEEP_AFTER_REFILL).toMillis());
        }
    }

    @Test
    void inProcessBucketIsDroppedOnceItHasRefilled() {
        InProcessProxyManager store = new InProcessProxyManager(InProcessProxyManager.newStates(1_000, clock), EXPIRATION, clock);
        store.builder().build("ip:test:192.0.2.1", () -> THREE_A_MINUTE).tryConsume(3);

        clock.advance(PERIOD.minusSeconds(1));
        long beforeRefill = store.size();
        clock.advance(Duration.ofSeconds(1).plus(RateLimitBuckets.KEEP_AFTER_REFILL).plusMillis(1));

        assertThat(beforeRefill).isEqualTo(1);
        assertThat(store.size()).isZero();
    }

    @Test
    void inProcessStoreHoldsNoMoreThanItsMaximum() {
        InProcessProxyManager store = new InProcessProxyManager(InProcessProxyManager.newStates(10, clock), EXPIRATION, clock);

        for (int client = 0; client < 100; client++) {
            store.builder().build("ip:test:198.51.100." + client, () -> THREE_A_MINUTE).tryConsume(1);
        }

        assertThat(store.size()).isLessThanOrEqualTo(10);
    }
}
