package dev.syncline.api.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.UUID;

/** The Redis of this machine (127.0.0.1:6379, started by bin/test), seen directly, for tests of what lands in it. */
public final class LocalRedis implements AutoCloseable {

    public static final String URL = "redis://127.0.0.1:6379";
    public static final RedisURI URI = RedisURI.create(URL);

    private final RedisClient client = RedisClient.create(URI);
    private final StatefulRedisConnection<String, String> connection = client.connect();

    /** A key prefix no other test run uses, so that runs never share buckets. */
    public static String uniquePrefix() {
        return "syncline-test:" + UUID.randomUUID() + ":";
    }

    public List<String> keys(String prefix) {
        return connection.sync().keys(prefix + "*");
    }

    /** The key's time to live in milliseconds; negative when it has none or does not exist. */
    public long timeToLiveMillis(String key) {
        return connection.sync().pttl(key);
    }

    public void deleteAll(String prefix) {
        List<String> keys = keys(prefix);
        if (!keys.isEmpty()) {
            connection.sync().del(keys.toArray(String[]::new));
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
