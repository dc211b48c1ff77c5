package dev.syncline.command.token.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The cache's counters: {@code syncline.token.cache.requests} by level ({@code in-process}, {@code redis},
 * {@code vault}) and result ({@code hit}, {@code miss}), and {@code syncline.token.cache.fallbacks}, the Redis
 * calls that failed or were skipped while Redis was failing. Tags are low-cardinality: never an account id.
 */
final class TokenCacheMetrics {

    static final String REQUESTS = "syncline.token.cache.requests";
    static final String FALLBACKS = "syncline.token.cache.fallbacks";

    private final Counter inProcessHits;
    private final Counter inProcessMisses;
    private final Counter redisHits;
    private final Counter redisMisses;
    private final Counter vaultReads;
    private final Counter fallbacks;

    TokenCacheMetrics(MeterRegistry registry) {
        inProcessHits = requests(registry, "in-process", "hit");
        inProcessMisses = requests(registry, "in-process", "miss");
        redisHits = requests(registry, "redis", "hit");
        redisMisses = requests(registry, "redis", "miss");
        vaultReads = requests(registry, "vault", "hit");
        fallbacks = Counter.builder(FALLBACKS)
                .description("Redis calls of the token cache that failed or were skipped; the vault answered instead")
                .register(registry);
    }

    void inProcess(boolean hit) {
        (hit ? inProcessHits : inProcessMisses).increment();
    }

    void redis(boolean hit) {
        (hit ? redisHits : redisMisses).increment();
    }

    void vaultRead() {
        vaultReads.increment();
    }

    void fallback() {
        fallbacks.increment();
    }

    long fallbacks() {
        return (long) fallbacks.count();
    }

    private static Counter requests(MeterRegistry registry, String level, String result) {
        return Counter.builder(REQUESTS)
                .description("Valid-access-token lookups by the level that answered or missed")
                .tag("level", level)
                .tag("result", result)
                .register(registry);
    }
}
