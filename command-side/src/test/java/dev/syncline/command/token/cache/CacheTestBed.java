package dev.syncline.command.token.cache;

import dev.syncline.command.token.RefreshPolicy;
import dev.syncline.command.token.TokenSettings;
import dev.syncline.command.token.ValidAccessTokenQueryHandler;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.AesGcm;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.KeyRing;
import dev.syncline.command.vault.VaultTestDatabase;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.messages.account.Provider;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A real vault on a fresh PostgreSQL database, caches built the way the application builds them, and raw
 * Redis access to look at what the cache stored. Ids are unique per bed, so beds share a Redis safely; the
 * keys they wrote are deleted on close (never a FLUSHALL).
 */
final class CacheTestBed implements AutoCloseable {

    static final String MACHINE_REDIS = System.getenv().getOrDefault("SYNCLINE_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    static final Duration REFRESH_BUFFER = Duration.ofMinutes(5);
    static final TokenSettings TOKEN_SETTINGS = new TokenSettings(REFRESH_BUFFER, null, null, null, null, null);

    final VaultTestDatabase database;
    final KeyRing keyRing = KeyRing.generate();
    final CredentialVault vault;
    final TokenCacheSealer sealer;
    final Clock clock = Clock.systemUTC();
    final String workspace = "ws-" + UUID.randomUUID();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<String> accounts = new ArrayList<>();

    CacheTestBed(String label) {
        database = VaultTestDatabase.create(label);
        vault = database.vault(keyRing).credentials();
        sealer = new TokenCacheSealer(keyRing, new AesGcm());
    }

    /** A connection factory like the application's, started; destroyed when the bed closes. */
    LettuceConnectionFactory redis(String url, TokenCacheSettings settings) {
        LettuceConnectionFactory factory = TokenCacheConfiguration.connections(RedisURI.create(url), settings);
        factory.afterPropertiesSet();
        closeables.add(0, factory::destroy);
        return factory;
    }

    AccessTokenCache cacheWithRedis(String url, TokenCacheSettings settings, MeterRegistry registry) {
        AccessTokenCache cache = AccessTokenCache.withRedis(settings, REFRESH_BUFFER, clock, registry, redis(url, settings), sealer);
        closeables.add(0, cache);
        return cache;
    }

    AccessTokenCache inProcessCache(MeterRegistry registry) {
        return AccessTokenCache.inProcess(TokenCacheSettings.defaults(), REFRESH_BUFFER, clock, registry);
    }

    /** The query handler as the application wires it, on the given cache. Refreshes are never due in these tests. */
    ValidAccessTokenQueryHandler handler(AccessTokenCache cache) {
        return new ValidAccessTokenQueryHandler(vault, new KnownAccounts(vault, 1_000), cache, new RefreshPolicy(TOKEN_SETTINGS),
                DefaultCommandGateway.builder().commandBus(SimpleCommandBus.builder().build()).build(), clock);
    }

    AccountKey newAccount() {
        String accountId = "account-" + UUID.randomUUID();
        accounts.add(accountId);
        return new AccountKey(workspace, accountId);
    }

    /** Stores a token for the account in the vault; it expires in an hour, at a whole millisecond. */
    Instant storeToken(AccountKey account, String accessToken) {
        Instant expiresAt = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        vault.store(account, Provider.GOOGLE.id(), new VaultTokens(accessToken, "1//refresh-" + account.accountId(), expiresAt, Set.of()));
        return expiresAt;
    }

    /** Replaces the stored access token with bytes that cannot open: any read of it from the vault now fails. */
    void corruptVault(AccountKey account) {
        database.jdbc().sql("UPDATE credential_vault SET access_token = :garbage WHERE account_id = :account")
                .param("garbage", "not a ciphertext".getBytes(StandardCharsets.UTF_8))
                .param("account", account.accountId())
                .update();
    }

    static StatefulRedisConnection<byte[], byte[]> rawRedis(RedisClient client) {
        return client.connect(ByteArrayCodec.INSTANCE);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        RedisClient client = RedisClient.create(MACHINE_REDIS);
        try (StatefulRedisConnection<byte[], byte[]> connection = rawRedis(client)) {
            for (String accountId : accounts) {
                for (Provider provider : Provider.values()) {
                    connection.sync().del(bytes(RedisTokenLevel.key(provider, new AccountKey(workspace, accountId))));
                }
            }
        } catch (RuntimeException e) {
            // The machine's Redis is not the one every test used; keys left behind expire within the hour.
        } finally {
            client.shutdown();
        }
        database.close();
    }
}
