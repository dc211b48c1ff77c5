package dev.syncline.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.testing.RedisServerProcess;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Redis that dies or hangs never fails a rate-limited request: the buckets move into this process meanwhile. */
class RateLimitRedisOutageTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final String KEY = "ip:login:192.0.2.7";
    private static final Duration RETRY_AFTER = Duration.ofMillis(200);
    private static final BucketConfiguration THREE_A_MINUTE = new RateLimitedEndpoints.Endpoint("test", request -> true,
            new RateLimitProperties.Limit(3, Duration.ofMinutes(1))).bucketConfiguration();

    private final ManualTimeMeter clock = new ManualTimeMeter(START);
    private final String prefix = LocalRedis.uniquePrefix();
    private RedisServerProcess redis;
    private RateLimitBuckets buckets;

    @BeforeEach
    void startOwnRedis() {
        redis = RedisServerProcess.start();
        buckets = RateLimitBuckets.redis(redis.uri(), prefix, 1_000, RETRY_AFTER, clock);
    }

    @AfterEach
    void stopOwnRedis() {
        buckets.close();
        redis.close();
    }

    @Test
    void whileRedisIsDeadRequestsAreCountedInThisProcessWithoutAnyFailure() {
        Bucket bucket = buckets.bucket(KEY, THREE_A_MINUTE);
        assertThat(bucket.tryConsume(1)).isTrue();

        redis.kill();
        List<Boolean> duringOutage = consume(bucket, 4);

        // The process starts its own count: three pass, the fourth is limited.
        assertThat(duringOutage).containsExactly(true, true, true, false);
        assertThat(buckets.isRedisFailing()).isTrue();
        assertThat(buckets.redisFallbacks()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aRedisThatHangsIsLeftAloneAfterItsFirstTimeout() {
        Bucket bucket = buckets.bucket(KEY, THREE_A_MINUTE);

        redis.freeze();
        try {
            List<Boolean> whileFrozen = consume(bucket, 2);

            assertThat(whileFrozen).containsExactly(true, true);
            assertThat(buckets.isRedisFailing()).isTrue();
        } finally {
            redis.thaw();
        }
    }

    @Test
    void onceRedisAnswersAgainTheBucketsAreSharedThroughItAgain() {
        Bucket bucket = buckets.bucket(KEY, THREE_A_MINUTE);
        redis.kill();
        bucket.tryConsume(1);

        redis.startAgain();
        // Lettuce reconnects by itself; each failed try leaves Redis alone for the retry interval.
        Awaitility.await("the buckets back in Redis").atMost(Duration.ofSeconds(30)).pollInterval(RETRY_AFTER)
                .until(() -> {
                    bucket.tryConsume(1);
                    return !buckets.isRedisFailing();
                });

        assertThat(keysInRedis()).containsExactly(prefix + KEY);
    }

    private static List<Boolean> consume(Bucket bucket, int times) {
        List<Boolean> consumed = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            consumed.add(bucket.tryConsume(1));
        }
        return consumed;
    }

    @Test
    void aRedisDownWhenTheNodeStartsCostsOnlyTheFallbackUntilItAnswers() {
        buckets.close();
        redis.kill();
        buckets = RateLimitBuckets.redis(redis.uri(), prefix, 1_000, RETRY_AFTER, clock);
        Bucket bucket = buckets.bucket(KEY, THREE_A_MINUTE);

        assertThat(bucket.tryConsume(1)).isTrue();
        assertThat(buckets.isRedisFailing()).isTrue();

        redis.startAgain();
        Awaitility.await("the buckets in Redis").atMost(Duration.ofSeconds(30)).pollInterval(RETRY_AFTER)
                .until(() -> {
                    bucket.tryConsume(1);
                    return !buckets.isRedisFailing();
                });
        assertThat(keysInRedis()).containsExactly(prefix + KEY);
    }

    private List<String> keysInRedis() {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys(prefix + "*");
        } finally {
            client.shutdown();
        }
    }
}
