package dev.syncline.command.token.cache;

import dev.syncline.command.token.TokenSettings;
import dev.syncline.command.vault.AesGcm;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.KeyRing;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Wires the access-token cache: the in-process level always, Redis too when {@code syncline.redis.url}
 * ({@code REDIS_URL}) is set. Without it no Redis bean exists and nothing tries to connect. Spring Data
 * Redis is used without Spring Boot's auto-configuration, so no Redis health indicator turns the whole
 * application DOWN when Redis dies; the cache reports itself instead.
 */
@Configuration(proxyBeanMethods = false)
public class TokenCacheConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenCacheConfiguration.class);

    @Bean
    AccessTokenCache accessTokenCache(TokenCacheSettings settings, TokenSettings tokens, Clock clock,
                                      ObjectProvider<MeterRegistry> registry, KeyRing vaultKeyRing, AesGcm vaultAesGcm,
                                      ObjectProvider<LettuceConnectionFactory> tokenCacheRedis) {
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        LettuceConnectionFactory redis = tokenCacheRedis.getIfAvailable();
        if (redis == null) {
            log.info("Access tokens are cached in this process only (set REDIS_URL to share them between instances)");
            return AccessTokenCache.inProcess(settings, tokens.refreshBuffer(), clock, meters);
        }
        return AccessTokenCache.withRedis(settings, tokens.refreshBuffer(), clock, meters, redis,
                new TokenCacheSealer(vaultKeyRing, vaultAesGcm));
    }

    /** Started when created (Spring Data Redis' early start-up), destroyed with the context. */
    @Bean
    @ConditionalOnExpression("!'${syncline.redis.url:}'.isBlank()")
    LettuceConnectionFactory tokenCacheRedis(@Value("${syncline.redis.url}") String redisUrl, TokenCacheSettings settings) {
        RedisURI uri = RedisURI.create(redisUrl.trim());
        // The URL may carry a password: name the host and port only.
        log.info("Access tokens are cached in this process and in Redis at {}:{}", uri.getHost(), uri.getPort());
        return connections(uri, settings);
    }

    @Bean
    KnownAccounts knownAccounts(CredentialVault credentialVault, TokenCacheSettings settings) {
        return new KnownAccounts(credentialVault, settings.inProcessMaxSize());
    }

    /**
     * Short timeouts, and commands refused at once while disconnected rather than queued until the timeout:
     * a dead Redis then costs a caller almost nothing before the vault answers.
     */
    public static LettuceConnectionFactory connections(RedisURI uri, TokenCacheSettings settings) {
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(settings.redisTimeout())
                .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder().connectTimeout(settings.redisTimeout()).build())
                        .timeoutOptions(TimeoutOptions.enabled(settings.redisTimeout()))
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build());
        if (uri.isSsl()) {
            client.useSsl();
        }
        return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client.build());
    }
}
