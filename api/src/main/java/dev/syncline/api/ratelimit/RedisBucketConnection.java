package dev.syncline.api.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The rate limits' one connection to Redis, made when first needed rather than at start-up: a node that starts
 * while Redis is down keeps its buckets in process and connects once Redis answers. Once made, Lettuce
 * reconnects it by itself.
 */
final class RedisBucketConnection implements AutoCloseable {

    private final RedisClient client;
    private volatile StatefulRedisConnection<String, byte[]> connection;

    /** @param timeout the longest wait for a connection or a command; past it the caller falls back */
    RedisBucketConnection(RedisURI uri, Duration timeout) {
        this.client = RedisClient.create(uri);
        // A lost connection fails commands at once instead of queueing them until the timeout.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /**
     * Bucket4j's manager of Redis buckets with this expiration, built on the first call that finds Redis reachable.
     * Its {@code get()} throws while no connection can be made.
     */
    Supplier<AbstractCompareAndSwapBasedProxyManager<String>> proxyManager(ExpirationAfterWriteStrategy expiration,
                                                                           TimeMeter clock, Duration requestTimeout) {
        return new Supplier<>() {
            private volatile AbstractCompareAndSwapBasedProxyManager<String> manager;

            @Override
            public AbstractCompareAndSwapBasedProxyManager<String> get() {
                AbstractCompareAndSwapBasedProxyManager<String> built = manager;
                if (built == null) {
                    built = Bucket4jLettuce.casBasedBuilder(connection())
                            .expirationAfterWrite(expiration)
                            .clientClock(clock)
                            .requestTimeout(requestTimeout)
                            .build();
                    manager = built;
                }
                return built;
            }
        };
    }

    /** Connects now unless connected; throws a Lettuce exception when Redis cannot be reached. */
    StatefulRedisConnection<String, byte[]> connection() {
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (connection == null) {
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            }
            return connection;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
