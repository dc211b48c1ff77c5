package dev.syncline.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import dev.syncline.command.redis.RedisCircuit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the rate-limit buckets live: in Redis, shared by every instance, or in this process for the
 * embedded default. Either way through Bucket4j {@link ProxyManager}s, every key under one prefix, and
 * every entry with a time to live, so idle clients cost nothing. While a configured Redis fails, the
 * buckets are kept in this process (see {@link FailoverProxyManager}) rather than failing the requests.
 */
public final class RateLimitBuckets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RateLimitBuckets.class);

    /** A full bucket and a missing one are the same; the margin only keeps a TTL on every Redis key. */
    static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);
    /** A Redis that does not answer in this time is taken as failed, and the request is counted in this process. */
    static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
    /** After Redis failed, buckets stay in this process this long before Redis is tried again. */
    public static final Duration REDIS_RETRY_AFTER = Duration.ofSeconds(5);
    private static final ExpirationAfterWriteStrategy UNTIL_REFILLED =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL);

    private final Function<ExpirationAfterWriteStrategy, ProxyManager<String>> proxyManagers;
    private final ProxyManager<String> untilRefilled;
    private final Map<Duration, ProxyManager<String>> byIdleTimeToLive = new ConcurrentHashMap<>();
    private final String keyPrefix;
    private final RedisCircuit redisCircuit;
    private final AtomicLong redisFallbacks;
    private final Runnable onClose;

    private RateLimitBuckets(Function<ExpirationAfterWriteStrategy, ProxyManager<String>> proxyManagers, String keyPrefix,
                             RedisCircuit redisCircuit, AtomicLong redisFallbacks, Runnable onClose) {
        this.proxyManagers = proxyManagers;
        this.untilRefilled = proxyManagers.apply(UNTIL_REFILLED);
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.redisCircuit = redisCircuit;
        this.redisFallbacks = redisFallbacks;
        this.onClose = onClose;
    }

    /** Buckets in this process, at most {@code maxBuckets} of them. */
    public static RateLimitBuckets inProcess(long maxBuckets, String keyPrefix, TimeMeter clock) {
        Cache<String, InProcessProxyManager.StoredState> states = InProcessProxyManager.newStates(maxBuckets, clock);
        return new RateLimitBuckets(expiration -> new InProcessProxyManager(states, expiration, clock), keyPrefix, null,
                new AtomicLong(), () -> { });
    }

    /**
     * Buckets in the Redis at {@code uri}. While Redis fails or cannot be reached, even at start-up, up to
     * {@code fallbackMaxBuckets} buckets are kept in this process instead, and Redis is tried again
     * {@code retryAfter} after its last failure. {@code clock} must be a wall clock: instances share the buckets'
     * timestamps.
     */
    public static RateLimitBuckets redis(RedisURI uri, String keyPrefix, long fallbackMaxBuckets, Duration retryAfter,
                                         TimeMeter clock) {
        RedisBucketConnection connection = new RedisBucketConnection(uri, REDIS_TIMEOUT);
        AtomicLong fallbacks = new AtomicLong();
        RedisCircuit circuit = new RedisCircuit(Clock.systemUTC(), retryAfter,
                () -> log.info("Redis answers again: rate-limit buckets are shared between instances again"));
        try {
            connection.connection();
        } catch (RuntimeException e) {
            circuit.failed(e);
            // The exception's class only: a Redis error message may carry the URL and its password.
            log.warn("Redis at {}:{} cannot be reached ({}); rate-limit buckets are kept in this process until it answers",
                    uri.getHost(), uri.getPort(), e.getClass().getSimpleName());
        }
        Cache<String, InProcessProxyManager.StoredState> fallbackStates =
                InProcessProxyManager.newStates(fallbackMaxBuckets, clock);
        return new RateLimitBuckets(expiration -> new FailoverProxyManager(
                ClientSideConfig.getDefault().withClientClock(clock).withExpirationAfterWriteStrategy(expiration),
                connection.proxyManager(expiration, clock, REDIS_TIMEOUT),
                new InProcessProxyManager(fallbackStates, expiration, clock),
                circuit, fallbacks), keyPrefix, circuit, fallbacks, connection::close);
    }

    /** The bucket of {@code key}, created with {@code configuration} when there is none; dropped once it has refilled. */
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return bucket(untilRefilled, key, configuration);
    }

    /**
     * The bucket of {@code key}, created with {@code configuration} when there is none; dropped when
     * {@code idleTimeToLive} has passed since it last changed, whatever its tokens, e.g. a counter.
     */
    public Bucket bucket(String key, BucketConfiguration configuration, Duration idleTimeToLive) {
        ProxyManager<String> proxies = byIdleTimeToLive.computeIfAbsent(idleTimeToLive,
                timeToLive -> proxyManagers.apply(ExpirationAfterWriteStrategy.fixedTimeToLive(timeToLive)));
        return bucket(proxies, key, configuration);
    }

    /** Drops the bucket of {@code key}: its next use starts full. */
    public void forget(String key) {
        // Every manager reaches the same entries; which one deletes does not matter.
        untilRefilled.removeProxy(keyPrefix + key);
    }

    /** Whether the buckets are in Redis but Redis failed lately, so that they are kept in this process for now. */
    public boolean isRedisFailing() {
        return redisCircuit != null && redisCircuit.failingSince() != null;
    }

    /** How many bucket operations were counted in this process because Redis failed; 0 without Redis. */
    public long redisFallbacks() {
        return redisFallbacks.get();
    }

    @Override
    public void close() {
        onClose.run();
    }

    private Bucket bucket(ProxyManager<String> proxies, String key, BucketConfiguration configuration) {
        return proxies.builder().build(keyPrefix + key, () -> configuration);
    }
}
