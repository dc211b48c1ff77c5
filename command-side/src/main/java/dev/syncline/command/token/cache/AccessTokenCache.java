package dev.syncline.command.token.cache;

import dev.syncline.command.redis.RedisCircuit;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.StoredAccount;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ValidAccessToken;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Valid access tokens in front of the credential vault: level 1 in this process (Caffeine), level 2 in
 * Redis when one is configured. Written through after each committed token change, evicted when a grant
 * ends; a write on one node makes the others drop their in-process entry through a Redis channel. Redis
 * trouble never reaches a caller: the lookup misses and the vault answers.
 */
public final class AccessTokenCache implements AutoCloseable {

    private final String nodeId = UUID.randomUUID().toString();
    private final InProcessTokenLevel inProcess;
    private final TokenCacheMetrics metrics;
    private final RedisTokenLevel redis;
    private final RedisCircuit circuit;
    private final RedisMessageListenerContainer invalidations;
    private final Set<AccountKey> pendingEvictions = ConcurrentHashMap.newKeySet();

    private AccessTokenCache(TokenCacheSettings settings, Duration refreshBuffer, Clock clock, MeterRegistry registry,
                             RedisConnectionFactory connections, TokenCacheSealer sealer) {
        this.inProcess = new InProcessTokenLevel(settings.inProcessMaxSize(), refreshBuffer, clock);
        this.metrics = new TokenCacheMetrics(registry);
        if (connections == null) {
            this.circuit = null;
            this.redis = null;
            this.invalidations = null;
            return;
        }
        this.circuit = new RedisCircuit(clock, settings.circuitOpenTime(), this::recovered);
        this.redis = new RedisTokenLevel(template(connections), sealer, circuit, metrics, refreshBuffer, clock,
                settings.invalidationChannel());
        this.invalidations = container(connections, settings.invalidationChannel());
        subscribe();
    }

    /** The in-process level alone: the embedded default, a single node without Redis. */
    public static AccessTokenCache inProcess(TokenCacheSettings settings, Duration refreshBuffer, Clock clock,
                                             MeterRegistry registry) {
        return new AccessTokenCache(settings, refreshBuffer, clock, registry, null, null);
    }

    /** Both levels, Redis reached through {@code connections} (started by the caller) and sealed by {@code sealer}. */
    public static AccessTokenCache withRedis(TokenCacheSettings settings, Duration refreshBuffer, Clock clock,
                                             MeterRegistry registry, RedisConnectionFactory connections,
                                             TokenCacheSealer sealer) {
        return new AccessTokenCache(settings, refreshBuffer, clock, registry, connections, sealer);
    }

    /** The account's cached token from the first level that holds it, or empty: then ask the vault. */
    public Optional<ValidAccessToken> find(StoredAccount account) {
        Optional<ValidAccessToken> local = inProcess.find(account.key().accountId());
        metrics.inProcess(local.isPresent());
        if (local.isPresent() || redis == null) {
            return local;
        }
        Optional<ValidAccessToken> shared = redis.find(account.key(), provider(account));
        shared.ifPresent(inProcess::putIfNewer);
        return shared;
    }

    /** Keeps a token the vault answered; it never replaces a newer one written meanwhile. */
    public void rememberFromVault(StoredAccount account, ValidAccessToken token) {
        metrics.vaultRead();
        inProcess.putIfNewer(token);
        if (redis != null) {
            redis.put(account.key(), token, false);
        }
    }

    /** Writes a token just committed to the vault through both levels and tells the other nodes. */
    public void write(AccountKey account, ValidAccessToken token) {
        inProcess.put(token);
        if (redis != null) {
            redis.put(account, token, true);
            redis.publishInvalidation(new Invalidation(nodeId, account.accountId()));
        }
    }

    /** Forgets the account's token on every level and every node: its grant ended or changed. */
    public void evict(AccountKey account) {
        inProcess.evict(account.accountId());
        if (redis != null) {
            if (!redis.delete(account)) {
                // A Redis that was unreachable but not restarted still holds the token: delete it on recovery.
                pendingEvictions.add(account);
            }
            redis.publishInvalidation(new Invalidation(nodeId, account.accountId()));
        }
    }

    /** How the cache is doing, for the health endpoint; probes Redis first when the circuit allows. */
    public TokenCacheState state() {
        if (redis == null) {
            return new TokenCacheState(List.of("in-process"), false, null, null, 0, inProcess.size());
        }
        redis.probe();
        return new TokenCacheState(List.of("in-process", "redis"), circuit.failingSince() != null, circuit.lastError(),
                circuit.failingSince(), metrics.fallbacks(), inProcess.size());
    }

    @Override
    public void close() {
        if (invalidations != null) {
            invalidations.stop();
            try {
                invalidations.destroy();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the token cache's invalidation listener", e);
            }
        }
    }

    private static Provider provider(StoredAccount account) {
        return Provider.fromId(account.provider())
                .orElseThrow(() -> new IllegalStateException("Unknown provider '" + account.provider() + "'"));
    }

    private static RedisTemplate<String, byte[]> template(RedisConnectionFactory connections) {
        RedisTemplate<String, byte[]> template = new RedisTemplate<>();
        template.setConnectionFactory(connections);
        template.setKeySerializer(RedisSerializer.string());
        template.setValueSerializer(RedisSerializer.byteArray());
        template.afterPropertiesSet();
        return template;
    }

    private RedisMessageListenerContainer container(RedisConnectionFactory connections, String channel) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setBeanName("token-cache-invalidations");
        container.setRecoveryInterval(1_000);
        container.addMessageListener(new InvalidationListener(), new ChannelTopic(channel));
        container.afterPropertiesSet();
        return container;
    }

    /**
     * Subscribes to the invalidation channel unless already listening. A Redis that is down at start-up must
     * not stop the application: the failure opens the circuit, and the recovery subscribes again.
     */
    private synchronized void subscribe() {
        if (invalidations.isListening()) {
            return;
        }
        try {
            invalidations.stop();
            invalidations.start();
        } catch (RuntimeException e) {
            invalidations.stop();
            circuit.failed(e);
        }
    }

    /**
     * Redis answers again: forget what may have missed an invalidation, delete what could not be deleted, and
     * listen again if the start-up could not.
     */
    private void recovered() {
        inProcess.clear();
        CompletableFuture.runAsync(() -> {
            for (AccountKey account : List.copyOf(pendingEvictions)) {
                if (redis.delete(account)) {
                    pendingEvictions.remove(account);
                }
            }
            subscribe();
        });
    }

    /**
     * Drops the in-process entry another node invalidated. Every (re)subscription clears the whole level:
     * while the subscription was down, invalidations may have been missed.
     */
    private final class InvalidationListener implements MessageListener, SubscriptionListener {

        @Override
        public void onMessage(Message message, byte[] pattern) {
            Invalidation.decode(new String(message.getBody(), StandardCharsets.UTF_8))
                    .filter(invalidation -> !invalidation.origin().equals(nodeId))
                    .ifPresent(invalidation -> inProcess.evict(invalidation.accountId()));
        }

        @Override
        public void onChannelSubscribed(byte[] channel, long count) {
            inProcess.clear();
        }
    }
}
