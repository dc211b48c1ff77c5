package dev.syncline.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code state} of the connect flow is one-time, bound to the user who started it and short-lived.
 * Every attack answers 400 and stores nothing.
 */
class ConnectStateAttackTest extends ApiIntegrationTest {

    @Autowired
    EmulatorServer emulator;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCallbackWithoutStateIsRejected() {
        ApiClient user = Users.registerAndLogIn(api(), "no-state");
        ConnectFlow.Redirect redirect = ConnectFlow.authorize(user, "google", demoUser());

        ApiClient.Response response = user.get("/api/v1/accounts/callback/google?code=" + redirect.code());

        assertRejected(response);
        assertNothingStored(user);
    }

    @Test
    void aStateIssuedToAnotherUserIsRejectedAndStaysUsableByItsOwner() {
        ApiClient victim = Users.registerAndLogIn(api(), "victim");
        ApiClient attacker = Users.registerAndLogIn(api(), "attacker");
        ConnectFlow.Redirect redirect = ConnectFlow.authorize(victim, "google", demoUser());

        assertRejected(ConnectFlow.callback(attacker, "google", redirect));
        assertNothingStored(attacker);

        assertThat(ConnectFlow.callback(victim, "google", redirect).status()).isEqualTo(201);
    }

    @Test
    void aReplayedStateIsRejected() {
        ApiClient user = Users.registerAndLogIn(api(), "replay");
        ConnectFlow.Redirect redirect = ConnectFlow.authorize(user, "google", demoUser());
        assertThat(ConnectFlow.callback(user, "google", redirect).status()).isEqualTo(201);

        assertRejected(ConnectFlow.callback(user, "google", redirect));
    }

    @Test
    void anExpiredStateIsRejected() {
        ApiClient user = Users.registerAndLogIn(api(), "expired");
        ConnectFlow.Redirect redirect = ConnectFlow.authorize(user, "google", demoUser());
        jdbc.sql("UPDATE oauth_connect_state SET expires_at = now() - interval '1 second'").update();

        assertRejected(ConnectFlow.callback(user, "google", redirect));
        assertNothingStored(user);
    }

    @Test
    void aStateIssuedForAnotherProviderIsRejected() {
        ApiClient user = Users.registerAndLogIn(api(), "mix-up");
        ConnectFlow.Redirect redirect = ConnectFlow.authorize(user, "google", demoUser());

        assertRejected(ConnectFlow.callback(user, "microsoft", redirect));
        assertNothingStored(user);
    }

    @Test
    void aForgedStateIsRejected() {
        ApiClient user = Users.registerAndLogIn(api(), "forged");
        ConnectFlow.Redirect redirect = ConnectFlow.authorize(user, "google", demoUser());

        assertRejected(ConnectFlow.callback(user, "google", new ConnectFlow.Redirect(redirect.code(), "forged-state")));
        assertNothingStored(user);
    }

    private String demoUser() {
        return emulator.config().provider(EmulatedProvider.GOOGLE).users().get(0).email();
    }

    private static void assertRejected(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).endsWith("/oauth-state-invalid");
    }

    private void assertNothingStored(ApiClient user) {
        String workspaceId = user.get("/api/v1/auth/me").json().path("workspaceId").asText();
        assertThat(user.get("/api/v1/accounts").json()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM credential_vault WHERE workspace_id = :w").param("w", workspaceId)
                .query(Long.class).single()).isZero();
        // The user's login wrote session events; no account event may follow.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domainevententry
                        WHERE convert_from(payload, 'UTF8') LIKE :w AND payloadtype NOT LIKE 'dev.syncline.messages.session.%'""")
                .param("w", "%" + workspaceId + "%").query(Long.class).single()).isZero();
    }
}
