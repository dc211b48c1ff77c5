package dev.syncline.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.Users;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole life of two connected accounts through the real HTTP API, the real OAuth redirect flow and
 * the real token endpoint calls against the emulator, on PostgreSQL: connect, status, refresh (Google
 * keeps its refresh token, Microsoft rotates it), revoke at the provider, re-authorization required,
 * reconnect, disconnect, and the audit timeline of every step.
 */
class AccountLifecycleEndToEndTest extends ApiIntegrationTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(20);

    @Autowired
    EmulatorServer emulator;

    @Autowired
    CredentialVault vault;

    @Test
    void anAccountLivesThroughConnectRefreshRevocationReconnectAndDisconnect() {
        ApiClient user = Users.registerAndLogIn(api(), "lifecycle");
        String googleEmail = newEmulatorUser(EmulatedProvider.GOOGLE);
        String microsoftEmail = newEmulatorUser(EmulatedProvider.MICROSOFT);

        String google = ConnectFlow.connect(user, "google", googleEmail);
        String microsoft = ConnectFlow.connect(user, "microsoft", microsoftEmail);

        JsonNode accounts = awaitAccounts(user, list -> list.size() == 2);
        assertThat(accounts.findValuesAsText("status")).containsOnly("ACTIVE");
        assertThat(accounts.findValuesAsText("email")).containsExactlyInAnyOrder(googleEmail, microsoftEmail);
        JsonNode googleView = user.get("/api/v1/accounts/" + google).json();
        assertThat(googleView.path("provider").asText()).isEqualTo("GOOGLE");
        assertThat(googleView.path("scopes").toString()).contains("gmail.readonly");
        assertThat(googleView.path("accessTokenExpiresAt").asText()).isNotBlank();

        // Microsoft rotates its refresh token on every refresh; the rotated one is what the vault keeps.
        String microsoftRefreshBefore = refreshTokenOf(user, microsoft);
        ApiClient.Response refreshed = user.post("/api/v1/accounts/" + microsoft + "/token/refresh", null);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.json().path("result").asText()).isEqualTo("REFRESHED");
        assertThat(refreshTokenOf(user, microsoft)).isNotEqualTo(microsoftRefreshBefore);

        // Google does not rotate: the vault keeps the refresh token it had.
        String googleRefreshBefore = refreshTokenOf(user, google);
        emulator.control().expireAccessTokens(EmulatedProvider.GOOGLE, googleEmail);
        assertThat(user.post("/api/v1/accounts/" + google + "/token/refresh", null).status()).isEqualTo(200);
        assertThat(refreshTokenOf(user, google)).isEqualTo(googleRefreshBefore);

        // The user revokes Syncline's access at Google: the next refresh is refused for good.
        emulator.control().revokeGrants(EmulatedProvider.GOOGLE, googleEmail);
        ApiClient.Response refused = user.post("/api/v1/accounts/" + google + "/token/refresh", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith("/reauthorization-required");
        JsonNode needsReauthorization = awaitAccount(user, google, view -> view.path("status").asText().equals("REAUTHORIZATION_REQUIRED"));
        assertThat(needsReauthorization.path("lastError").asText()).contains("invalid_grant");
        assertThat(user.post("/api/v1/accounts/" + google + "/token/refresh", null).status()).isEqualTo(409);

        // Connecting the same Google account again re-authorizes the same account and clears the failure.
        String reconnected = ConnectFlow.connect(user, "google", googleEmail);
        assertThat(reconnected).isEqualTo(google);
        JsonNode active = awaitAccount(user, google, view -> view.path("status").asText().equals("ACTIVE"));
        assertThat(active.path("lastError").isMissingNode() || active.path("lastError").isNull()).isTrue();

        // Disconnect revokes at Google, destroys the tokens and the data key; the history stays.
        long revocationsBefore = emulator.control().revokeCalls(EmulatedProvider.GOOGLE);
        assertThat(user.delete("/api/v1/accounts/" + google).status()).isEqualTo(204);
        assertThat(emulator.control().revokeCalls(EmulatedProvider.GOOGLE)).isEqualTo(revocationsBefore + 1);
        awaitAccount(user, google, view -> view.path("status").asText().equals("DISCONNECTED"));
        assertThat(vault.findAccount(google)).isEmpty();

        List<String> timeline = awaitAuditTypes(user, google, 9);
        assertThat(timeline).containsExactly(
                "ACCOUNT_CONNECTED", "TOKENS_ISSUED",
                "ACCESS_TOKEN_REFRESHED",
                "ACCESS_TOKEN_REFRESH_FAILED", "REAUTHORIZATION_REQUIRED",
                "ACCOUNT_RECONNECTED", "TOKENS_ISSUED",
                "GRANT_REVOKED", "ACCOUNT_DISCONNECTED");
        JsonNode audit = user.get("/api/v1/accounts/" + google + "/audit").json();
        for (JsonNode entry : audit) {
            assertThat(entry.path("occurredAt").asText()).isNotBlank();
            assertThat(entry.path("actor").asText()).startsWith("user:");
            assertThat(entry.path("summary").asText()).isNotBlank();
        }
        assertThat(audit.get(2).path("details").path("accessTokenFingerprint").asText()).startsWith("hmac256:");
        assertThat(audit.get(3).path("details").path("error").asText()).isEqualTo("invalid_grant");
        assertThat(audit.get(0).path("cause").asText()).isEqualTo("oauth-callback");
    }

    @Test
    void anotherUsersAccountAnswersNotFoundEverywhere() {
        ApiClient owner = Users.registerAndLogIn(api(), "owner");
        ApiClient stranger = Users.registerAndLogIn(api(), "stranger");
        String account = ConnectFlow.connect(owner, "google", newEmulatorUser(EmulatedProvider.GOOGLE));
        awaitAccount(owner, account, view -> view.path("status").asText().equals("ACTIVE"));

        assertThat(stranger.get("/api/v1/accounts/" + account).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/accounts/" + account + "/audit").status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/accounts/" + account + "/token/refresh", null).status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/accounts/" + account).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/accounts").json()).isEmpty();
        assertThat(owner.get("/api/v1/accounts/" + account).status()).isEqualTo(200);
    }

    @Test
    void accountEndpointsRequireAValidAccessToken() {
        assertThat(api().get("/api/v1/accounts").status()).isEqualTo(401);
        assertThat(api().post("/api/v1/accounts/connect/google", null).status()).isEqualTo(401);
        assertThat(api().as("not-a-token").get("/api/v1/accounts").status()).isEqualTo(401);
    }

    @Test
    void anUnknownProviderAnswersAProblem() {
        ApiClient user = Users.registerAndLogIn(api(), "unknown-provider");

        ApiClient.Response response = user.post("/api/v1/accounts/connect/yahoo", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).contains("google or microsoft");
    }

    private String newEmulatorUser(EmulatedProvider provider) {
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8)
                + (provider == EmulatedProvider.GOOGLE ? "@gmail.example" : "@outlook.example");
        emulator.control().addUser(provider, email, "E2E " + provider);
        return email;
    }

    private String refreshTokenOf(ApiClient user, String accountId) {
        AccountKey key = vault.findAccount(accountId).orElseThrow().key();
        return vault.load(key).orElseThrow().refreshToken();
    }

    static JsonNode awaitAccounts(ApiClient user, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(PROJECTION_WAIT).until(() -> user.get("/api/v1/accounts").json(), condition::test);
    }

    static JsonNode awaitAccount(ApiClient user, String accountId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(PROJECTION_WAIT).until(() -> {
            ApiClient.Response response = user.get("/api/v1/accounts/" + accountId);
            return response.status() == 200 ? response.json() : null;
        }, view -> view != null && condition.test(view));
    }

    static List<String> awaitAuditTypes(ApiClient user, String accountId, int atLeast) {
        return await().atMost(PROJECTION_WAIT).until(() -> {
            List<String> types = new ArrayList<>();
            user.get("/api/v1/accounts/" + accountId + "/audit").json().forEach(entry -> types.add(entry.path("type").asText()));
            return types;
        }, types -> types.size() >= atLeast);
    }
}
