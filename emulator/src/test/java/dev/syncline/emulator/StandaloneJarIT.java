package dev.syncline.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the jar the build produced, exactly as the README tells people to. */
class StandaloneJarIT {

    private static final Path JAR = Path.of("target", "syncline-emulator-standalone.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void standaloneJarStartsAndRunsASignIn() throws Exception {
        assertThat(JAR).exists();
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(javaBinary, "-jar", JAR.toString(), "--port", "0")
                .redirectErrorStream(true)
                .start();

        String baseUrl = awaitBaseUrl(process, 30);
        OAuthTestClient client = new OAuthTestClient(baseUrl);

        assertThat(client.get("/_emulator/health", Map.of()).statusCode()).isEqualTo(200);
        assertThat(client.signIn(EmulatedProvider.GOOGLE).get("access_token").asText()).startsWith("ya29.");
        assertThat(Files.size(JAR)).isPositive();
    }

    /** Reads the process output on a helper thread, so the wait is bounded. */
    private static String awaitBaseUrl(Process process, int seconds) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (Exception ignored) {
                // The process ended; the wait below reports the missing line.
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.append(line).append('\n');
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("The jar did not report its URL within " + seconds + " s:\n" + seen);
    }
}
