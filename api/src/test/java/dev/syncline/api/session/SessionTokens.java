package dev.syncline.api.session;

import static dev.syncline.api.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.Users;
import java.util.UUID;

/** One login's tokens as a test holds them, and the calls a client makes with them. */
record SessionTokens(ApiClient anonymous, String email, String accessToken, String refreshToken, String sessionId) {

    /** Registers a new user and logs them in once. */
    static SessionTokens registerAndLogIn(ApiClient anonymous, String label) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@syncline.test";
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register", body("email", email, "password", Users.PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return logIn(anonymous, email, Users.PASSWORD);
    }

    /** Logs in again as the same user: another session. */
    static SessionTokens logIn(ApiClient anonymous, String email, String password) {
        ApiClient.Response login = anonymous.post("/api/v1/auth/login", body("email", email, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return of(anonymous, email, login);
    }

    static SessionTokens of(ApiClient anonymous, String email, ApiClient.Response tokens) {
        return new SessionTokens(anonymous, email, tokens.json().path("accessToken").asText(),
                tokens.json().path("refreshToken").asText(), tokens.json().path("sessionId").asText());
    }

    ApiClient.Response refresh() {
        return anonymous.post("/api/v1/auth/refresh", body("refreshToken", refreshToken));
    }

    /** Refreshes and expects the rotation to succeed. */
    SessionTokens rotated() {
        ApiClient.Response response = refresh();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return of(anonymous, email, response);
    }

    ApiClient client() {
        return anonymous.as(accessToken);
    }

    @Override
    public String toString() {
        return "SessionTokens[" + email + ", session " + sessionId + "]";
    }
}
