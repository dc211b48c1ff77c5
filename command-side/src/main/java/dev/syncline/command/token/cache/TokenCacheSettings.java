package dev.syncline.command.token.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the access-token cache behaves. Redis itself comes from {@code syncline.redis.url}: without it the
 * cache keeps the in-process level alone.
 *
 * @param inProcessMaxSize      the most accounts whose token one node keeps in memory (least recently used go first)
 * @param redisTimeout          the longest wait for one Redis command, so that a slow Redis costs little
 * @param circuitOpenTime       after a Redis failure, how long reads skip Redis before one probes it again
 * @param invalidationChannel   the Redis pub/sub channel on which nodes tell each other an account's token changed
 */
@ConfigurationProperties("syncline.token-cache")
public record TokenCacheSettings(long inProcessMaxSize, Duration redisTimeout, Duration circuitOpenTime,
                                 String invalidationChannel) {

    public TokenCacheSettings {
        inProcessMaxSize = inProcessMaxSize <= 0 ? 10_000 : inProcessMaxSize;
        redisTimeout = redisTimeout == null ? Duration.ofMillis(200) : redisTimeout;
        circuitOpenTime = circuitOpenTime == null ? Duration.ofSeconds(5) : circuitOpenTime;
        invalidationChannel = invalidationChannel == null || invalidationChannel.isBlank()
                ? "syncline:token-cache:invalidations" : invalidationChannel;
    }

    /** The defaults, for tests and benchmarks. */
    public static TokenCacheSettings defaults() {
        return new TokenCacheSettings(0, null, null, null);
    }
}
