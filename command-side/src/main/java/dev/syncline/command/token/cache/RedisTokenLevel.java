package dev.syncline.command.token.cache;

import dev.syncline.command.redis.RedisCircuit;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ValidAccessToken;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.RedisTemplate;

/**
 * Level 2: tokens shared by every node in Redis under {@code oauth:token:{provider}:{workspace}:{account}},
 * sealed, living until the token enters the refresh buffer. Every call goes through the circuit: a failing
 * Redis is skipped and counted as a fallback, never an error for the caller.
 */
final class RedisTokenLevel {

    private final RedisTemplate<String, byte[]> redis;
    private final TokenCacheSealer sealer;
    private final RedisCircuit circuit;
    private final TokenCacheMetrics metrics;
    private final Duration refreshBuffer;
    private final Clock clock;
    private final String channel;

    RedisTokenLevel(RedisTemplate<String, byte[]> redis, TokenCacheSealer sealer, RedisCircuit circuit,
                    TokenCacheMetrics metrics, Duration refreshBuffer, Clock clock, String channel) {
        this.redis = redis;
        this.sealer = sealer;
        this.circuit = circuit;
        this.metrics = metrics;
        this.refreshBuffer = refreshBuffer;
        this.clock = clock;
        this.channel = channel;
    }

    static String key(Provider provider, AccountKey account) {
        return "oauth:token:" + provider.id() + ":" + account.workspaceId() + ":" + account.accountId();
    }

    Optional<ValidAccessToken> find(AccountKey account, Provider provider) {
        if (!circuit.allowsCall()) {
            metrics.fallback();
            return Optional.empty();
        }
        byte[] sealed;
        try {
            sealed = redis.opsForValue().get(key(provider, account));
            circuit.succeeded();
        } catch (RuntimeException e) {
            circuit.failed(e);
            metrics.fallback();
            return Optional.empty();
        }
        Optional<ValidAccessToken> token = sealed == null ? Optional.empty()
                : sealer.open(account, provider, sealed).map(opened ->
                        new ValidAccessToken(account.accountId(), provider, opened.accessToken(), opened.expiresAt()));
        metrics.redis(token.isPresent());
        return token;
    }

    /**
     * Stores the token. {@code replace} is for a token just written to the vault; a token read from the vault
     * only fills an empty key, so that it never replaces a newer one another node wrote meanwhile.
     */
    void put(AccountKey account, ValidAccessToken token, boolean replace) {
        Duration ttl = Duration.between(clock.instant(), token.expiresAt().minus(refreshBuffer));
        if (ttl.toMillis() <= 0 || !circuit.allowsCall()) {
            return;
        }
        byte[] sealed = sealer.seal(account, token.provider(), token.accessToken(), token.expiresAt());
        run(() -> {
            if (replace) {
                redis.opsForValue().set(key(token.provider(), account), sealed, ttl);
            } else {
                redis.opsForValue().setIfAbsent(key(token.provider(), account), sealed, ttl);
            }
        });
    }

    /**
     * Deletes the account's token under every provider: the caller may not know which one it had.
     *
     * @return false when Redis could not be reached, so the caller can delete again once it is back
     */
    boolean delete(AccountKey account) {
        List<String> keys = Arrays.stream(Provider.values()).map(provider -> key(provider, account)).toList();
        return run(() -> redis.delete(keys));
    }

    /** Tells the other nodes that the account's token changed; they drop their in-process entry. */
    void publishInvalidation(Invalidation invalidation) {
        run(() -> redis.convertAndSend(channel, invalidation.encode().getBytes(StandardCharsets.UTF_8)));
    }

    /** Pings Redis if the circuit lets it, so that health shows the truth and recovery needs no traffic. */
    void probe() {
        if (circuit.allowsCall()) {
            run(() -> redis.execute(connection -> connection.ping(), true));
        }
    }

    private boolean run(Runnable call) {
        if (!circuit.allowsCall()) {
            metrics.fallback();
            return false;
        }
        try {
            call.run();
            circuit.succeeded();
            return true;
        } catch (RuntimeException e) {
            circuit.failed(e);
            metrics.fallback();
            return false;
        }
    }
}
