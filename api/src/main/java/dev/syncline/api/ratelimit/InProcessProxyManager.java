package dev.syncline.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bucket4j buckets of this process, in a bounded Caffeine map: each entry goes when the expiration
 * strategy says (as Redis would drop it), or, when the map is full, the least recently used goes first.
 * Several managers with different strategies may share one map. Swaps compare the stored state by
 * identity: every write stores a new array.
 */
final class InProcessProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final Cache<String, StoredState> states;
    private final ExpirationAfterWriteStrategy expiration;

    InProcessProxyManager(Cache<String, StoredState> states, ExpirationAfterWriteStrategy expiration, TimeMeter clock) {
        super(ClientSideConfig.getDefault().withClientClock(clock).withExpirationAfterWriteStrategy(expiration));
        this.expiration = expiration;
        this.states = states;
    }

    /** A map for at most {@code maxBuckets} buckets whose entries expire by the time of {@code clock}. */
    static Cache<String, StoredState> newStates(long maxBuckets, TimeMeter clock) {
        return Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .ticker(clock::currentTimeNanos)
                .expireAfter(Expiry.<String, StoredState>writing((key, state) -> state.timeToLive()))
                .build();
    }

    /** How many buckets are held now, expired ones not counted once cleaned up. */
    long size() {
        states.cleanUp();
        return states.estimatedSize();
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return read(key);
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                return swap(key, originalData, newData, newState);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        return new AsyncCompareAndSwapOperation() {
            @Override
            public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
                return CompletableFuture.completedFuture(read(key));
            }

            @Override
            public CompletableFuture<Boolean> compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                                             Optional<Long> timeoutNanos) {
                return CompletableFuture.completedFuture(swap(key, originalData, newData, newState));
            }
        };
    }

    @Override
    public void removeProxy(String key) {
        states.invalidate(key);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        states.invalidate(key);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    private Optional<byte[]> read(String key) {
        return Optional.ofNullable(states.getIfPresent(key)).map(StoredState::bytes);
    }

    private boolean swap(String key, byte[] expected, byte[] replacement, RemoteBucketState newState) {
        long timeToLiveMillis = expiration.calculateTimeToLiveMillis(newState, currentTimeNanos());
        // As in Redis, no time to live means the entry stays until it is evicted.
        Duration timeToLive = timeToLiveMillis > 0 ? Duration.ofMillis(timeToLiveMillis) : Duration.ofNanos(Long.MAX_VALUE);
        StoredState stored = new StoredState(replacement, timeToLive);
        boolean[] swapped = {false};
        states.asMap().compute(key, (ignored, current) -> {
            byte[] currentBytes = current == null ? null : current.bytes();
            if (currentBytes != expected) {
                return current;
            }
            swapped[0] = true;
            return stored;
        });
        return swapped[0];
    }

    /** A bucket's serialized state and how long to keep it after this write. */
    record StoredState(byte[] bytes, Duration timeToLive) {
    }
}
