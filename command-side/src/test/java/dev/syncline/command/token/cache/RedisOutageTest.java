package dev.syncline.command.token.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncline.command.token.ValidAccessTokenQueryHandler;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.StoredAccount;
import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.Provider;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Kills a Redis of the test's own while several threads look tokens up, then starts it again. The in-process
 * level holds one account only, so most lookups need Redis (or, while it is dead, the vault).
 */
class RedisOutageTest {

    private static final int ACCOUNTS = 20;
    private static final int THREADS = 4;
    private static final TokenCacheSettings SETTINGS =
            new TokenCacheSettings(1, Duration.ofMillis(200), Duration.ofMillis(300), "syncline:token-cache:outage-test");

    @Test
    void callersKeepGettingTheirTokensWhileRedisIsDeadAndTheCacheRecoversWhenItIsBack() throws Exception {
        try (CacheTestBed bed = new CacheTestBed("RedisOutageTest"); OwnRedisServer redis = OwnRedisServer.start()) {
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                AccountKey account = bed.newAccount();
                String token = "ya29.CANARY-outage-" + i;
                bed.storeToken(account, token);
                expected.put(account.accountId(), token);
            }
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            AccessTokenCache cache = bed.cacheWithRedis(redis.url(), SETTINGS, meters);
            ValidAccessTokenQueryHandler handler = bed.handler(cache);
            Queue<String> problems = new ConcurrentLinkedQueue<>();
            AtomicLong lookups = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService callers = Executors.newFixedThreadPool(THREADS);
            List<String> accountIds = new ArrayList<>(expected.keySet());
            for (int t = 0; t < THREADS; t++) {
                callers.submit(() -> {
                    while (running.get()) {
                        for (String accountId : accountIds) {
                            try {
                                String token = handler.handle(new FindValidAccessTokenQuery(accountId)).accessToken();
                                if (!token.equals(expected.get(accountId))) {
                                    problems.add("wrong token for " + accountId);
                                }
                            } catch (RuntimeException e) {
                                problems.add(e.getClass().getName());
                            }
                            lookups.incrementAndGet();
                        }
                    }
                });
            }
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> redisHits(meters) > 100);
                assertThat(cache.state().degraded()).isFalse();

                redis.kill();

                await().atMost(Duration.ofSeconds(20)).until(() -> cache.state().degraded());
                long fallbacksWhenDegraded = cache.state().fallbacks();
                long lookupsWhenDegraded = lookups.get();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> cache.state().fallbacks() > fallbacksWhenDegraded && lookups.get() > lookupsWhenDegraded + 100);
                TokenCacheState degraded = cache.state();
                assertThat(degraded.lastError()).isNotBlank();
                assertThat(degraded.failingSince()).isNotNull();

                redis.restart();

                await().atMost(Duration.ofSeconds(30)).until(() -> !cache.state().degraded());
                double redisHitsAfterRecovery = redisHits(meters);
                await().atMost(Duration.ofSeconds(20)).until(() -> redisHits(meters) > redisHitsAfterRecovery + 100);
            } finally {
                running.set(false);
                callers.shutdown();
                callers.awaitTermination(10, TimeUnit.SECONDS);
            }
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void aCacheStartedWhileRedisIsDownAnswersFromTheVaultAndTakesToRedisOnceItListens() throws Exception {
        try (CacheTestBed bed = new CacheTestBed("RedisOutageTest"); OwnRedisServer redis = OwnRedisServer.notStarted()) {
            AccountKey account = bed.newAccount();
            bed.storeToken(account, "ya29.CANARY-late-redis");
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            AccessTokenCache cache = bed.cacheWithRedis(redis.url(), SETTINGS, meters);
            ValidAccessTokenQueryHandler handler = bed.handler(cache);

            assertThat(handler.handle(new FindValidAccessTokenQuery(account.accountId())).accessToken())
                    .isEqualTo("ya29.CANARY-late-redis");
            assertThat(cache.state().degraded()).isTrue();

            redis.restart();

            await().atMost(Duration.ofSeconds(20)).until(() -> !cache.state().degraded());
            handler.handle(new FindValidAccessTokenQuery(account.accountId()));
            assertThat(meters.get(TokenCacheMetrics.REQUESTS).tag("level", "redis").counters())
                    .as("the recovery emptied the in-process level, so the lookup asked Redis")
                    .anySatisfy(counter -> assertThat(counter.count()).isPositive());
        }
    }

    @Test
    void anEvictionRedisCouldNotTakeIsDoneOnceRedisAnswersAgain() throws Exception {
        TokenCacheSettings longOpenCircuit =
                new TokenCacheSettings(100, Duration.ofMillis(200), Duration.ofSeconds(2), "syncline:token-cache:outage-test");
        try (CacheTestBed bed = new CacheTestBed("RedisOutageTest"); OwnRedisServer redis = OwnRedisServer.start()) {
            AccountKey revoked = bed.newAccount();
            AccountKey other = bed.newAccount();
            bed.storeToken(revoked, "ya29.CANARY-revoked");
            AccessTokenCache cache = bed.cacheWithRedis(redis.url(), longOpenCircuit, new SimpleMeterRegistry());
            bed.handler(cache).handle(new FindValidAccessTokenQuery(revoked.accountId()));
            RedisClient rawClient = RedisClient.create(redis.url());
            try (StatefulRedisConnection<byte[], byte[]> raw = CacheTestBed.rawRedis(rawClient)) {
                byte[] key = CacheTestBed.bytes(RedisTokenLevel.key(Provider.GOOGLE, revoked));
                assertThat(raw.sync().exists(key)).isEqualTo(1);
                // Redis stops answering for a second without losing its data, as in a network partition: the
                // next lookup times out and opens the circuit, so the eviction right after it cannot reach Redis.
                raw.sync().clientPause(1_000);
                cache.find(new StoredAccount(other, Provider.GOOGLE.id()));
                cache.evict(revoked);

                assertThat(cache.state().degraded()).isTrue();
                await().atMost(Duration.ofSeconds(20)).until(() -> !cache.state().degraded());
                await().atMost(Duration.ofSeconds(10)).until(() -> raw.sync().exists(key) == 0);
            } finally {
                rawClient.shutdown();
            }
        }
    }

    private static double redisHits(SimpleMeterRegistry meters) {
        return meters.get(TokenCacheMetrics.REQUESTS).tag("level", "redis").tag("result", "hit").counter().count();
    }
}
