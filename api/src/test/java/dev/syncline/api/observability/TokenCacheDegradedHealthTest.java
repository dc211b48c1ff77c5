package dev.syncline.api.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.security.JwtService;
import dev.syncline.api.testing.Admins;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.StandaloneApplication;
import dev.syncline.testing.TestDatabase;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application on a Redis of this test's own (a redis-server process) that the test kills: health keeps
 * answering 200 with the token cache DEGRADED, and once Redis listens on that port again the cache is UP by
 * itself.
 */
class TokenCacheDegradedHealthTest {

    @Test
    void aDeadRedisDegradesTheTokenCacheButNotTheApplicationUntilItComesBack() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TestDatabase database = TestDatabase.create("TokenCacheDegradedHealthTest");
        Process redis = startRedis(port);
        try (ConfigurableApplicationContext app = StandaloneApplication.startWithOwnSettings(database,
                "--syncline.redis.url=redis://127.0.0.1:" + port,
                "--syncline.token-cache.circuit-open-time=200ms")) {
            ApiClient admin = Admins.admin(StandaloneApplication.api(app), app.getBean(JwtService.class), "degraded");
            assertThat(tokenCacheStatus(admin)).isEqualTo("UP");

            redis.destroyForcibly().waitFor();

            ApiClient.Response degraded = await().atMost(Duration.ofSeconds(20))
                    .until(() -> admin.get("/actuator/health"),
                            answer -> answer.json().path("components").path("tokenCache").path("status").asText().equals("DEGRADED"));
            assertThat(degraded.status()).isEqualTo(200);
            assertThat(degraded.json().path("status").asText()).isEqualTo("DEGRADED");
            JsonNode details = degraded.json().path("components").path("tokenCache").path("details");
            assertThat(details.path("levels").toString()).isEqualTo("[\"in-process\",\"redis\"]");
            assertThat(details.path("lastError").asText()).isNotBlank();
            assertThat(details.path("failingSince").asText()).isNotBlank();

            redis = startRedis(port);

            await().atMost(Duration.ofSeconds(30)).until(() -> tokenCacheStatus(admin).equals("UP"));
        } finally {
            redis.destroyForcibly().waitFor();
            database.drop();
        }
    }

    private static String tokenCacheStatus(ApiClient admin) {
        return admin.get("/actuator/health").json().path("components").path("tokenCache").path("status").asText();
    }

    private static Process startRedis(int port) throws Exception {
        Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return socket.isConnected();
            }
        });
        return redis;
    }
}
