package dev.syncline.command.token.cache;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A redis-server process of the test's own, on a free port, without persistence: the test may kill it and
 * start it again on the same port. The machine's Redis is never touched.
 */
final class OwnRedisServer implements AutoCloseable {

    private final int port;
    private Process process;

    private OwnRedisServer(int port) {
        this.port = port;
    }

    static OwnRedisServer start() throws IOException {
        OwnRedisServer server = notStarted();
        server.restart();
        return server;
    }

    /** A free port for a server that {@link #restart()} starts later; closing it before then does nothing. */
    static OwnRedisServer notStarted() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new OwnRedisServer(socket.getLocalPort());
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the process at once, as a crash would. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the server (again) on its port and waits until it accepts connections. */
    void restart() throws IOException {
        process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(this::acceptsConnections);
    }

    private boolean acceptsConnections() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
