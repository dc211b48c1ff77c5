package dev.syncline.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate-limit buckets and the endpoints they guard. The buckets go to Redis when
 * {@code syncline.redis.url} ({@code REDIS_URL}) is set, so that every instance counts the same
 * requests; else they stay in this process, which is right for the embedded default's single instance.
 * Lettuce is used directly, without Spring Data Redis, so no Redis health check or auto-configuration
 * appears where there is no Redis.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /** Closed with the context: Spring calls {@link RateLimitBuckets#close()}. */
    @Bean
    RateLimitBuckets rateLimitBuckets(RateLimitProperties properties, @Value("${syncline.redis.url:}") String redisUrl) {
        // Wall-clock time: instances sharing Redis must agree on the buckets' timestamps.
        TimeMeter clock = TimeMeter.SYSTEM_MILLISECONDS;
        if (redisUrl == null || redisUrl.isBlank()) {
            log.info("Rate-limit buckets are kept in this process (set REDIS_URL to share them between instances)");
            return RateLimitBuckets.inProcess(properties.inProcessMaxKeys(), properties.keyPrefix(), clock);
        }
        RedisURI uri = RedisURI.create(redisUrl.trim());
        // The URL may carry a password: name the host and port only.
        log.info("Rate-limit buckets are kept in Redis at {}:{}", uri.getHost(), uri.getPort());
        return RateLimitBuckets.redis(uri, properties.keyPrefix(), properties.inProcessMaxKeys(),
                RateLimitBuckets.REDIS_RETRY_AFTER, clock);
    }

    /** Counts the bucket operations kept in this process because the configured Redis failed (0 without Redis). */
    @Bean
    MeterBinder rateLimitRedisFallbacks(RateLimitBuckets buckets) {
        return registry -> FunctionCounter.builder("syncline.rate-limits.redis.fallbacks", buckets, RateLimitBuckets::redisFallbacks)
                .description("Rate-limit bucket operations counted in this process because Redis failed")
                .register(registry);
    }

    @Bean
    RateLimitedEndpoints rateLimitedEndpoints(RateLimitProperties properties) {
        return new RateLimitedEndpoints(properties);
    }
}
