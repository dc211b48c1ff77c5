package dev.syncline.api.ratelimit;

import io.github.bucket4j.distributed.proxy.AbstractProxyManager;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.remote.CommandResult;
import io.github.bucket4j.distributed.remote.Request;
import java.util.concurrent.CompletableFuture;

/**
 * Buckets in Redis, or in this process while Redis fails: a login must not fail because the store of its
 * rate limit did. During an outage each instance counts on its own, so a client may get up to one
 * allowance per instance; when Redis answers again the shared buckets take over where they were.
 */
final class FailoverProxyManager extends AbstractProxyManager<String> {

    private final AbstractCompareAndSwapBasedProxyManager<String> redis;
    private final AbstractCompareAndSwapBasedProxyManager<String> local;
    private final RedisCircuit circuit;

    FailoverProxyManager(ClientSideConfig config, AbstractCompareAndSwapBasedProxyManager<String> redis,
                         AbstractCompareAndSwapBasedProxyManager<String> local, RedisCircuit circuit) {
        super(config);
        this.redis = redis;
        this.local = local;
        this.circuit = circuit;
    }

    @Override
    protected <T> CommandResult<T> execute(String key, Request<T> request) {
        if (circuit.allowsRedis()) {
            try {
                CommandResult<T> result = redis.execute(key, request);
                circuit.succeeded();
                return result;
            } catch (RuntimeException e) {
                circuit.failed(e);
            }
        } else {
            circuit.countSkipped();
        }
        return local.execute(key, request);
    }

    @Override
    public void removeProxy(String key) {
        local.removeProxy(key);
        if (circuit.allowsRedis()) {
            try {
                redis.removeProxy(key);
                circuit.succeeded();
            } catch (RuntimeException e) {
                circuit.failed(e);
            }
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
