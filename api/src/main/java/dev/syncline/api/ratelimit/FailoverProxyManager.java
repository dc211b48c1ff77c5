package dev.syncline.api.ratelimit;

import dev.syncline.command.redis.RedisCircuit;
import io.github.bucket4j.distributed.proxy.AbstractProxyManager;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.remote.CommandResult;
import io.github.bucket4j.distributed.remote.Request;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, or in this process while Redis fails: a login must not fail because the store of its
 * rate limit did. During an outage each instance counts on its own, so a client may get up to one
 * allowance per instance; when Redis answers again the shared buckets take over where they were.
 */
final class FailoverProxyManager extends AbstractProxyManager<String> {

    private static final Logger log = LoggerFactory.getLogger(FailoverProxyManager.class);

    private final Supplier<AbstractCompareAndSwapBasedProxyManager<String>> redis;
    private final AbstractCompareAndSwapBasedProxyManager<String> local;
    private final RedisCircuit circuit;
    private final AtomicLong fallbacks;

    /**
     * @param redis     the Redis buckets; throws while Redis cannot be reached
     * @param circuit   shared by every manager of one Redis connection
     * @param fallbacks counts the operations that went to this process, shared likewise
     */
    FailoverProxyManager(ClientSideConfig config, Supplier<AbstractCompareAndSwapBasedProxyManager<String>> redis,
                         AbstractCompareAndSwapBasedProxyManager<String> local, RedisCircuit circuit, AtomicLong fallbacks) {
        super(config);
        this.redis = redis;
        this.local = local;
        this.circuit = circuit;
        this.fallbacks = fallbacks;
    }

    @Override
    protected <T> CommandResult<T> execute(String key, Request<T> request) {
        if (circuit.allowsCall()) {
            try {
                CommandResult<T> result = redis.get().execute(key, request);
                circuit.succeeded();
                return result;
            } catch (RuntimeException e) {
                failed(e);
            }
        }
        fallbacks.incrementAndGet();
        return local.execute(key, request);
    }

    /**
     * While Redis fails, the bucket is only forgotten here: the Redis entry outlives the outage until its time
     * to live ends, which at worst keeps a lock that a successful login should have lifted.
     */
    @Override
    public void removeProxy(String key) {
        local.removeProxy(key);
        if (circuit.allowsCall()) {
            try {
                redis.get().removeProxy(key);
                circuit.succeeded();
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    private void failed(RuntimeException e) {
        boolean wasWorking = circuit.failingSince() == null;
        circuit.failed(e);
        if (wasWorking) {
            // The exception's class only: a Redis error message may carry the URL and its password.
            log.warn("Redis failed ({}); rate-limit buckets are kept in this process until it answers again",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected <T> CompletableFuture<CommandResult<T>> executeAsync(String key, Request<T> request) {
        throw new UnsupportedOperationException("Rate-limit buckets are used synchronously");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("Rate-limit buckets are used synchronously");
    }
}
