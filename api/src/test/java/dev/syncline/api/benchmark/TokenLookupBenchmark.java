package dev.syncline.api.benchmark;

import dev.syncline.command.token.RefreshPolicy;
import dev.syncline.command.token.TokenSettings;
import dev.syncline.command.token.ValidAccessTokenQueryHandler;
import dev.syncline.command.token.cache.AccessTokenCache;
import dev.syncline.command.token.cache.KnownAccounts;
import dev.syncline.command.token.cache.TokenCacheConfiguration;
import dev.syncline.command.token.cache.TokenCacheSealer;
import dev.syncline.command.token.cache.TokenCacheSettings;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.AesGcm;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.DataKeyStore;
import dev.syncline.command.vault.KeyRing;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.Provider;
import com.zaxxer.hikari.HikariDataSource;
import dev.syncline.testing.TestDatabase;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.flywaydb.core.Flyway;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Valid-access-token lookups through {@link ValidAccessTokenQueryHandler}, one thread, from each level: the
 * in-process cache, Redis (the in-process level holds one entry while the lookups cycle over many accounts,
 * so it always misses), and the vault (no cache: the same trick without Redis). Next to them, in the same
 * run, a raw Redis GET of the same keys with Lettuce. Prints p50/p99 latency and throughput. Run with
 * {@code bin/benchmark tokens}; uses the machine's PostgreSQL and Redis ({@code SYNCLINE_BENCHMARK_REDIS_URL},
 * default {@code redis://127.0.0.1:6379}) and deletes the keys it wrote. Figures, never assertions.
 */
public final class TokenLookupBenchmark {

    private static final int ACCOUNTS = 2_000;
    private static final int LOOKUPS = 40_000;
    /** Fewer: each one is two queries and two decryptions. */
    private static final int VAULT_LOOKUPS = 5_000;
    private static final Duration REFRESH_BUFFER = Duration.ofMinutes(5);

    private TokenLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String redisUrl = System.getenv().getOrDefault("SYNCLINE_BENCHMARK_REDIS_URL", "redis://127.0.0.1:6379");
        TestDatabase database = TestDatabase.create("token-benchmark");
        String workspace = "benchmark-" + UUID.randomUUID();
        List<AccountKey> accounts = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        KeyRing keyRing = KeyRing.generate();
        AesGcm aesGcm = new AesGcm();
        TokenSettings tokenSettings = new TokenSettings(REFRESH_BUFFER, null, null, null, null, null);
        TokenCacheSettings oneEntry = new TokenCacheSettings(1, null, null, "syncline:token-cache:benchmark");
        RedisClient rawClient = RedisClient.create(RedisURI.create(redisUrl));
        LettuceConnectionFactory connections = TokenCacheConfiguration.connections(RedisURI.create(redisUrl), oneEntry);
        connections.afterPropertiesSet();
        try (StatefulRedisConnection<byte[], byte[]> raw = rawClient.connect(ByteArrayCodec.INSTANCE)) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(database.url());
            dataSource.setUsername(database.user());
            dataSource.setPassword(database.password());
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            DataKeyStore dataKeys = new DataKeyStore(JdbcClient.create(dataSource), keyRing, aesGcm);
            CredentialVault vault = new CredentialVault(JdbcClient.create(dataSource), dataKeys, aesGcm);
            Instant expiresAt = clock.instant().plus(Duration.ofHours(1));
            for (int i = 0; i < ACCOUNTS; i++) {
                AccountKey account = new AccountKey(workspace, "account-" + i);
                // About the size of a real Google access token.
                vault.store(account, Provider.GOOGLE.id(), new VaultTokens("ya29." + "x".repeat(200) + i, "1//refresh-" + i,
                        expiresAt, Set.of()));
                accounts.add(account);
            }

            AccessTokenCache inProcess = AccessTokenCache.inProcess(TokenCacheSettings.defaults(), REFRESH_BUFFER, clock,
                    new SimpleMeterRegistry());
            AccessTokenCache redisOnly = AccessTokenCache.withRedis(oneEntry, REFRESH_BUFFER, clock, new SimpleMeterRegistry(),
                    connections, new TokenCacheSealer(keyRing, aesGcm));
            AccessTokenCache noCache = AccessTokenCache.inProcess(oneEntry, REFRESH_BUFFER, clock, new SimpleMeterRegistry());
            ValidAccessTokenQueryHandler fromInProcess = handler(vault, inProcess, tokenSettings, clock);
            ValidAccessTokenQueryHandler fromRedis = handler(vault, redisOnly, tokenSettings, clock);
            ValidAccessTokenQueryHandler fromVault = handler(vault, noCache, tokenSettings, clock);
            for (AccountKey account : accounts) {
                // Fills the in-process level, and Redis, and every handler's account directory.
                fromInProcess.handle(query(account));
                fromRedis.handle(query(account));
                fromVault.handle(query(account));
            }
            RedisCommands<byte[], byte[]> rawCommands = raw.sync();
            byte[][] keys = accounts.stream()
                    .map(account -> ("oauth:token:google:" + account.workspaceId() + ":" + account.accountId())
                            .getBytes(StandardCharsets.UTF_8))
                    .toArray(byte[][]::new);

            List<String> report = new ArrayList<>();
            for (int round = 1; round <= 2; round++) {
                // Round 1 warms the JIT; round 2 is reported.
                report.clear();
                report.add(measure("in-process level", i -> fromInProcess.handle(query(accounts.get(i % ACCOUNTS)))));
                report.add(measure("Redis level     ", i -> fromRedis.handle(query(accounts.get(i % ACCOUNTS)))));
                report.add(measure("raw Redis GET   ", i -> rawCommands.get(keys[i % ACCOUNTS])));
                report.add(measure("vault (no cache)", i -> fromVault.handle(query(accounts.get(i % ACCOUNTS))), VAULT_LOOKUPS));
            }
            System.out.println();
            System.out.println("Valid-access-token lookups, one thread, over " + ACCOUNTS + " accounts:");
            report.forEach(System.out::println);
            redisOnly.close();
            rawCommands.del(keys);
            dataSource.close();
        } finally {
            connections.destroy();
            rawClient.shutdown();
            database.drop();
        }
    }

    private static ValidAccessTokenQueryHandler handler(CredentialVault vault, AccessTokenCache cache, TokenSettings settings,
                                                        Clock clock) {
        return new ValidAccessTokenQueryHandler(vault, new KnownAccounts(vault, ACCOUNTS * 2L), cache, new RefreshPolicy(settings),
                DefaultCommandGateway.builder().commandBus(SimpleCommandBus.builder().build()).build(), clock);
    }

    private static FindValidAccessTokenQuery query(AccountKey account) {
        return new FindValidAccessTokenQuery(account.accountId());
    }

    private static String measure(String label, IntConsumer lookup) {
        return measure(label, lookup, LOOKUPS);
    }

    private static String measure(String label, IntConsumer lookup, int lookups) {
        long[] nanos = new long[lookups];
        long start = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            long before = System.nanoTime();
            lookup.accept(i);
            nanos[i] = System.nanoTime() - before;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "  %s  p50 %8.1f µs   p99 %8.1f µs   %,10.0f lookups/s  (%,d lookups)", label,
                nanos[lookups / 2] / 1e3, nanos[(int) (lookups * 0.99)] / 1e3, lookups / seconds, lookups);
    }
}
