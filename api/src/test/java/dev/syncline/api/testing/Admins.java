package dev.syncline.api.testing;

import static dev.syncline.api.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.security.JwtService;
import java.util.List;
import java.util.UUID;

/**
 * Administrators for tests: a fresh user who logs in for real (so their session is active) and then
 * holds an access token of that session with the ADMIN role added, as if their email had been listed in
 * {@code syncline.security.admin-emails}.
 */
public final class Admins {

    private Admins() {
    }

    public static ApiClient admin(ApiClient anonymous, JwtService jwtService, String label) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@syncline.test";
        assertThat(anonymous.post("/api/v1/auth/register", body("email", email, "password", Users.PASSWORD)).status())
                .isEqualTo(201);
        ApiClient.Response login = anonymous.post("/api/v1/auth/login", body("email", email, "password", Users.PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        JsonNode me = anonymous.as(login.json().path("accessToken").asText()).get("/api/v1/auth/me").json();
        return anonymous.as(jwtService.issue(UUID.fromString(me.path("id").asText()), UUID.fromString(me.path("workspaceId").asText()),
                List.of("USER", "ADMIN"), UUID.fromString(login.json().path("sessionId").asText())).value());
    }
}
