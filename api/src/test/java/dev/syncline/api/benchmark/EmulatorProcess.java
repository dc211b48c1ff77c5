package dev.syncline.api.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The standalone emulator jar in its own JVM, so that its mailboxes do not count against Syncline's heap;
 * driven through its HTTP control API.
 */
final class EmulatorProcess implements AutoCloseable {

    private static final Path JAR = Path.of("emulator/target/syncline-emulator-standalone.jar");

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EmulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static EmulatorProcess start(Path workingDirectory) throws IOException, InterruptedException {
        Path jar = workingDirectory.resolve(JAR);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with ./mvnw install -DskipTests");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("java", "-Xmx3g", "-jar", jar.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(workingDirectory.resolve("api/target/benchmark-emulator.log").toFile())
                .start();
        EmulatorProcess emulator = new EmulatorProcess(process, "http://127.0.0.1:" + port);
        emulator.awaitHealthy();
        return emulator;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Any HTTP call to the control API; fails unless the answer is 2xx. */
    String call(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void awaitHealthy() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                call("GET", "/_emulator/health", null);
                return;
            } catch (IOException | IllegalStateException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The emulator did not start within a minute; see api/target/benchmark-emulator.log");
    }

    @Override
    public void close() {
        process.destroy();
    }
}
