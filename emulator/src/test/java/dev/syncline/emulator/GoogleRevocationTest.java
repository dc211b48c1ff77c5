package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleRevocationTest {

    /** Verbatim from PROVIDERS.md. */
    private static final String DEAD_REFRESH_TOKEN =
            "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}";

    @RegisterExtension
    final RunningEmulator emulator = new RunningEmulator();

    @Test
    void refreshOfRevokedGrantAnswersInvalidGrant() {
        JsonNode tokens = emulator.client().signIn(GOOGLE);
        String refreshToken = tokens.get("refresh_token").asText();

        HttpResponse<String> revoked = emulator.client().postForm("/revoke", Map.of("token", refreshToken));
        HttpResponse<String> refresh = emulator.client().refresh(GOOGLE, refreshToken);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEqualTo("{}");
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(refresh.body()).isEqualTo(DEAD_REFRESH_TOKEN);
    }

    @Test
    void revokingTheRefreshTokenAlsoKillsTheAccessTokens() {
        JsonNode tokens = emulator.client().signIn(GOOGLE);

        emulator.client().postForm("/revoke", Map.of("token", tokens.get("refresh_token").asText()));

        assertThat(emulator.client().getWithBearer("/v1/userinfo", tokens.get("access_token").asText()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void revokingAnAccessTokenKillsTheWholeGrant() {
        JsonNode tokens = emulator.client().signIn(GOOGLE);

        emulator.client().postForm("/revoke", Map.of("token", tokens.get("access_token").asText()));

        assertThat(emulator.client().refresh(GOOGLE, tokens.get("refresh_token").asText()).body()).isEqualTo(DEAD_REFRESH_TOKEN);
    }

    @Test
    void revocationOfUnknownTokenAnswers200() {
        HttpResponse<String> response = emulator.client().postForm("/revoke", Map.of("token", "1//never-issued"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void revokingTwiceAnswers200BothTimes() {
        String refreshToken = emulator.client().signIn(GOOGLE).get("refresh_token").asText();

        assertThat(emulator.client().postForm("/revoke", Map.of("token", refreshToken)).statusCode()).isEqualTo(200);
        assertThat(emulator.client().postForm("/revoke", Map.of("token", refreshToken)).statusCode()).isEqualTo(200);
    }

    @Test
    void revocationWithoutTokenAnswersInvalidRequest() {
        HttpResponse<String> response = emulator.client().postForm("/revoke", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OAuthTestClient.json(response).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void revokingTheUsersGrantsKillsRefreshAndAccessTokens() {
        JsonNode tokens = emulator.client().signIn(GOOGLE);

        int revoked = emulator.server().control().revokeGrants(GOOGLE, "ada@gmail.example");

        assertThat(revoked).isEqualTo(1);
        assertThat(emulator.client().refresh(GOOGLE, tokens.get("refresh_token").asText()).body()).isEqualTo(DEAD_REFRESH_TOKEN);
        assertThat(emulator.client().getWithBearer("/v1/userinfo", tokens.get("access_token").asText()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void signingInAgainAfterRevocationStartsAFreshGrant() {
        emulator.server().control().revokeGrants(GOOGLE, "ada@gmail.example");
        emulator.client().signIn(GOOGLE);
        emulator.server().control().revokeGrants(GOOGLE, "ada@gmail.example");

        JsonNode fresh = emulator.client().signIn(GOOGLE);

        assertThat(emulator.client().refresh(GOOGLE, fresh.get("refresh_token").asText()).statusCode()).isEqualTo(200);
    }
}
