package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleRevocationTest {

    /** Verbatim from PROVIDERS.md. */
    private static final String DEAD_REFRESH_TOKEN =
            "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}";

    private EmulatorServer server;
    private OAuthTestClient client;

    @BeforeEach
    void start() {
        server = EmulatorServer.start(EmulatorConfig.forTests());
        client = new OAuthTestClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refreshOfRevokedGrantAnswersInvalidGrant() {
        JsonNode tokens = client.signIn(GOOGLE);
        String refreshToken = tokens.get("refresh_token").asText();

        HttpResponse<String> revoked = client.postForm("/revoke", Map.of("token", refreshToken));
        HttpResponse<String> refresh = client.refresh(GOOGLE, refreshToken);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEqualTo("{}");
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(refresh.body()).isEqualTo(DEAD_REFRESH_TOKEN);
    }

    @Test
    void revokingTheRefreshTokenAlsoKillsTheAccessTokens() {
        JsonNode tokens = client.signIn(GOOGLE);

        client.postForm("/revoke", Map.of("token", tokens.get("refresh_token").asText()));

        assertThat(client.getWithBearer("/v1/userinfo", tokens.get("access_token").asText()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void revokingAnAccessTokenKillsTheWholeGrant() {
        JsonNode tokens = client.signIn(GOOGLE);

        client.postForm("/revoke", Map.of("token", tokens.get("access_token").asText()));

        assertThat(client.refresh(GOOGLE, tokens.get("refresh_token").asText()).body()).isEqualTo(DEAD_REFRESH_TOKEN);
    }

    @Test
    void revocationOfUnknownTokenAnswers200() {
        HttpResponse<String> response = client.postForm("/revoke", Map.of("token", "1//never-issued"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void revokingTwiceAnswers200BothTimes() {
        String refreshToken = client.signIn(GOOGLE).get("refresh_token").asText();

        assertThat(client.postForm("/revoke", Map.of("token", refreshToken)).statusCode()).isEqualTo(200);
        assertThat(client.postForm("/revoke", Map.of("token", refreshToken)).statusCode()).isEqualTo(200);
    }

    @Test
    void revocationWithoutTokenAnswersInvalidRequest() {
        HttpResponse<String> response = client.postForm("/revoke", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OAuthTestClient.json(response).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void revokingTheUsersGrantsKillsRefreshAndAccessTokens() {
        JsonNode tokens = client.signIn(GOOGLE);

        int revoked = server.control().revokeGrants(GOOGLE, "ada@gmail.example");

        assertThat(revoked).isEqualTo(1);
        assertThat(client.refresh(GOOGLE, tokens.get("refresh_token").asText()).body()).isEqualTo(DEAD_REFRESH_TOKEN);
        assertThat(client.getWithBearer("/v1/userinfo", tokens.get("access_token").asText()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void signingInAgainAfterRevocationStartsAFreshGrant() {
        server.control().revokeGrants(GOOGLE, "ada@gmail.example");
        client.signIn(GOOGLE);
        server.control().revokeGrants(GOOGLE, "ada@gmail.example");

        JsonNode fresh = client.signIn(GOOGLE);

        assertThat(client.refresh(GOOGLE, fresh.get("refresh_token").asText()).statusCode()).isEqualTo(200);
    }
}
