package dev.syncline.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.security.JwtService;
import dev.syncline.api.testing.Admins;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared context runs without Redis, as the embedded default does. */
class TokenCacheHealthTest extends ApiIntegrationTest {

    @Autowired
    private JwtService jwtService;

    @Test
    void withoutRedisTheTokenCacheIsUpWithTheInProcessLevelAlone() {
        ApiClient.Response answer = Admins.admin(api(), jwtService, "token-cache-health").get("/actuator/health");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode tokenCache = answer.json().path("components").path("tokenCache");
        assertThat(tokenCache.path("status").asText()).isEqualTo("UP");
        assertThat(tokenCache.path("details").path("levels").toString()).isEqualTo("[\"in-process\"]");
    }

    @Test
    void anonymousCallersSeeTheTokenCacheStatusWithoutDetails() {
        ApiClient.Response answer = api().get("/actuator/health");

        JsonNode tokenCache = answer.json().path("components").path("tokenCache");
        assertThat(tokenCache.path("status").asText()).isEqualTo("UP");
        assertThat(tokenCache.has("details")).isFalse();
    }
}
