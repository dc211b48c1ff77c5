package dev.syncline.command.token.cache;

import static dev.syncline.command.token.cache.CacheTestBed.MACHINE_REDIS;
import static dev.syncline.command.token.cache.CacheTestBed.REFRESH_BUFFER;
import static dev.syncline.command.token.cache.CacheTestBed.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.syncline.command.token.ValidAccessTokenQueryHandler;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.StoredAccount;
import dev.syncline.command.vault.VaultIntegrityException;
import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ValidAccessToken;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the machine's PostgreSQL (the vault) and Redis (level 2). */
class AccessTokenCacheTest {

    private static final String ACCESS_TOKEN = "ya29.CANARY-cached-access-71c3";
    private static final String NEWER_ACCESS_TOKEN = "ya29.CANARY-newer-access-5e0d";

    private CacheTestBed bed;
    private RedisClient rawClient;
    private StatefulRedisConnection<byte[], byte[]> raw;

    @BeforeEach
    void createBed() {
        bed = new CacheTestBed("AccessTokenCacheTest");
        rawClient = RedisClient.create(MACHINE_REDIS);
        raw = CacheTestBed.rawRedis(rawClient);
    }

    @AfterEach
    void closeBed() throws Exception {
        raw.close();
        rawClient.shutdown();
        bed.close();
    }

    @Test
    void aSecondLookupAnswersFromTheInProcessLevelWithoutReadingTheVault() {
        AccountKey account = bed.newAccount();
        Instant expiresAt = bed.storeToken(account, ACCESS_TOKEN);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ValidAccessTokenQueryHandler handler = bed.handler(bed.inProcessCache(meters));
        handler.handle(query(account));

        bed.corruptVault(account);

        assertThat(handler.handle(query(account)))
                .isEqualTo(new ValidAccessToken(account.accountId(), Provider.GOOGLE, ACCESS_TOKEN, expiresAt));
        assertThat(count(meters, "in-process", "hit")).isEqualTo(1);
        assertThat(count(meters, "vault", "hit")).isEqualTo(1);
        assertThatThrownBy(() -> bed.handler(bed.inProcessCache(new SimpleMeterRegistry())).handle(query(account)))
                .as("the vault itself can no longer answer")
                .isInstanceOf(VaultIntegrityException.class);
    }

    @Test
    void aNodeWithAnEmptyInProcessLevelAnswersFromRedisWithoutReadingTheVault() {
        AccountKey account = bed.newAccount();
        Instant expiresAt = bed.storeToken(account, ACCESS_TOKEN);
        bed.handler(bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), new SimpleMeterRegistry()))
                .handle(query(account));
        bed.corruptVault(account);
        SimpleMeterRegistry otherNodeMeters = new SimpleMeterRegistry();
        ValidAccessTokenQueryHandler otherNode = bed.handler(
                bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), otherNodeMeters));

        assertThat(otherNode.handle(query(account)))
                .isEqualTo(new ValidAccessToken(account.accountId(), Provider.GOOGLE, ACCESS_TOKEN, expiresAt));
        assertThat(count(otherNodeMeters, "in-process", "miss")).isEqualTo(1);
        assertThat(count(otherNodeMeters, "redis", "hit")).isEqualTo(1);
        assertThat(count(otherNodeMeters, "vault", "hit")).isZero();
    }

    @Test
    void redisHoldsTheTokenSealedNeverInPlaintext() {
        AccountKey account = bed.newAccount();
        bed.storeToken(account, ACCESS_TOKEN);
        bed.handler(bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), new SimpleMeterRegistry()))
                .handle(query(account));

        byte[] stored = raw.sync().get(bytes(RedisTokenLevel.key(Provider.GOOGLE, account)));

        assertThat(stored).isNotNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(ACCESS_TOKEN).doesNotContain("CANARY");
    }

    @Test
    void aValueCopiedToAnotherAccountsKeyIsAMissNotAnError() {
        AccountKey alice = bed.newAccount();
        AccountKey bob = bed.newAccount();
        bed.storeToken(alice, ACCESS_TOKEN);
        bed.storeToken(bob, NEWER_ACCESS_TOKEN);
        bed.handler(bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), new SimpleMeterRegistry()))
                .handle(query(alice));
        byte[] alicesValue = raw.sync().get(bytes(RedisTokenLevel.key(Provider.GOOGLE, alice)));
        raw.sync().set(bytes(RedisTokenLevel.key(Provider.GOOGLE, bob)), alicesValue);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AccessTokenCache otherNode = bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), meters);

        assertThat(otherNode.find(new StoredAccount(bob, Provider.GOOGLE.id()))).isEmpty();
        assertThat(bed.handler(otherNode).handle(query(bob)).accessToken()).isEqualTo(NEWER_ACCESS_TOKEN);
        assertThat(count(meters, "redis", "miss")).isEqualTo(2);
    }

    @Test
    void theRedisEntryLivesUntilTheTokenEntersTheRefreshBuffer() {
        AccountKey account = bed.newAccount();
        Instant expiresAt = bed.storeToken(account, ACCESS_TOKEN);
        bed.handler(bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), new SimpleMeterRegistry()))
                .handle(query(account));

        long remainingMillis = raw.sync().pttl(bytes(RedisTokenLevel.key(Provider.GOOGLE, account)));

        long expectedMillis = Duration.between(Instant.now(), expiresAt.minus(REFRESH_BUFFER)).toMillis();
        assertThat(remainingMillis).isBetween(expectedMillis - 5_000, expectedMillis + 1_000);
    }

    @Test
    void aWriteOnOneNodeMakesAnotherNodeDropItsInProcessEntryAndAnswerTheNewToken() {
        AccountKey account = bed.newAccount();
        StoredAccount stored = new StoredAccount(account, Provider.GOOGLE.id());
        Instant expiresAt = bed.storeToken(account, ACCESS_TOKEN);
        AccessTokenCache nodeA = bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), new SimpleMeterRegistry());
        AccessTokenCache nodeB = bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), new SimpleMeterRegistry());
        ValidAccessTokenQueryHandler handlerB = bed.handler(nodeB);
        bed.handler(nodeA).handle(query(account));
        assertThat(handlerB.handle(query(account)).accessToken()).isEqualTo(ACCESS_TOKEN);

        Instant newerExpiry = expiresAt.plus(Duration.ofMinutes(30));
        nodeA.write(account, new ValidAccessToken(account.accountId(), Provider.GOOGLE, NEWER_ACCESS_TOKEN, newerExpiry));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(nodeB.find(stored)).get()
                        .extracting(ValidAccessToken::accessToken).isEqualTo(NEWER_ACCESS_TOKEN));
        assertThat(handlerB.handle(query(account)).expiresAt()).isEqualTo(newerExpiry);
    }

    @Test
    void anEvictionRemovesTheTokenFromRedisAndFromEveryNodesInProcessLevel() {
        AccountKey account = bed.newAccount();
        StoredAccount stored = new StoredAccount(account, Provider.GOOGLE.id());
        bed.storeToken(account, ACCESS_TOKEN);
        AccessTokenCache nodeA = bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), new SimpleMeterRegistry());
        AccessTokenCache nodeB = bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), new SimpleMeterRegistry());
        bed.handler(nodeA).handle(query(account));
        bed.handler(nodeB).handle(query(account));

        nodeA.evict(account);

        assertThat(raw.sync().exists(bytes(RedisTokenLevel.key(Provider.GOOGLE, account)))).isZero();
        assertThat(nodeA.find(stored)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> nodeB.find(stored).isEmpty());
    }

    @Test
    void withoutRedisTheCacheReportsTheInProcessLevelAloneAndNeverDegraded() {
        AccessTokenCache cache = bed.inProcessCache(new SimpleMeterRegistry());

        assertThat(cache.state().levels()).isEqualTo(List.of("in-process"));
        assertThat(cache.state().degraded()).isFalse();
    }

    @Test
    void aTokenWithinTheRefreshBufferIsNeverCached() {
        AccountKey account = bed.newAccount();
        StoredAccount stored = new StoredAccount(account, Provider.GOOGLE.id());
        AccessTokenCache cache = bed.cacheWithRedis(MACHINE_REDIS, TokenCacheSettings.defaults(), new SimpleMeterRegistry());

        cache.write(account, new ValidAccessToken(account.accountId(), Provider.GOOGLE, ACCESS_TOKEN,
                Instant.now().plus(REFRESH_BUFFER).minusSeconds(1)));

        assertThat(cache.find(stored)).isEmpty();
        assertThat(raw.sync().exists(bytes(RedisTokenLevel.key(Provider.GOOGLE, account)))).isZero();
    }

    private static FindValidAccessTokenQuery query(AccountKey account) {
        return new FindValidAccessTokenQuery(account.accountId());
    }

    private static double count(SimpleMeterRegistry meters, String level, String result) {
        return meters.get(TokenCacheMetrics.REQUESTS).tag("level", level).tag("result", result).counter().count();
    }
}
