package dev.syncline.api.testing;

import static dev.syncline.api.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Registers and logs in fresh users through the real API. */
public final class Users {

    public static final String PASSWORD = "correct horse battery staple";

    private Users() {
    }

    /** Registers a new user with a unique email and returns a client that sends their access token. */
    public static ApiClient registerAndLogIn(ApiClient anonymous, String label) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@syncline.test";
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register", body("email", email, "password", PASSWORD,
                "displayName", label));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        ApiClient.Response login = anonymous.post("/api/v1/auth/login", body("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return anonymous.as(login.json().path("accessToken").asText());
    }
}
