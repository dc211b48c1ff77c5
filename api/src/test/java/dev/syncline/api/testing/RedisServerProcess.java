package dev.syncline.api.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A Redis server of the test's own, on a free port, that the test may kill and start again: the
 * machine's Redis on 6379 is shared with every other test and is never stopped. Nothing is saved to disk.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final int port;
    private Process process;

    private RedisServerProcess(int port) {
        this.port = port;
    }

    /** Starts {@code redis-server} on a free port and returns once it answers PING. */
    public static RedisServerProcess start() {
        RedisServerProcess redis = new RedisServerProcess(freePort());
        redis.startAgain();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public RedisURI uri() {
        return RedisURI.create(url());
    }

    /** Kills the server at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing redis-server", e);
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open and nothing answers, as with a Redis that hangs. */
    public void freeze() {
        signal("STOP");
    }

    /** Lets a frozen server go on (SIGCONT). */
    public void thaw() {
        signal("CONT");
    }

    /** Starts the server again on the same port, empty, and returns once it answers PING. */
    public void startAgain() {
        try {
            process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not be started (bin/test installs it)", e);
        }
        Awaitility.await("redis-server on port " + port).atMost(START_TIMEOUT).ignoreExceptions()
                .until(this::answersPing);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private boolean answersPing() {
        RedisClient client = RedisClient.create(uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return "PONG".equals(connection.sync().ping());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " failed with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling redis-server", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
