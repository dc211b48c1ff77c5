package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.OAuthTestClient.Pkce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static dev.syncline.emulator.EmulatedProvider.MICROSOFT;
import static dev.syncline.emulator.OAuthTestClient.STATE;
import static dev.syncline.emulator.OAuthTestClient.authorizationParameters;
import static dev.syncline.emulator.OAuthTestClient.json;
import static dev.syncline.emulator.OAuthTestClient.redirectQuery;
import static org.assertj.core.api.Assertions.assertThat;

class MicrosoftCodeFlowTest {

    @RegisterExtension
    final RunningEmulator emulator = new RunningEmulator();

    @ParameterizedTest
    @ValueSource(strings = {"common", "organizations", "consumers", "72f988bf-86f1-41af-91ab-2d7cd011db47"})
    void everyTenantFormAuthorizesAndRedeemsWithPkce(String tenant) {
        Pkce pkce = Pkce.create();
        HttpResponse<String> redirect = emulator.client().get("/" + tenant + "/oauth2/v2.0/authorize?"
                + OAuthTestClient.form(authorizationParameters(MICROSOFT, pkce)), Map.of());
        Map<String, String> query = redirectQuery(redirect);
        Map<String, String> form = OAuthTestClient.clientCredentials(MICROSOFT);
        form.putAll(Map.of("grant_type", "authorization_code", "code", query.get("code"),
                "redirect_uri", OAuthTestClient.REDIRECT_URI, "code_verifier", pkce.verifier()));

        HttpResponse<String> tokens = emulator.client().postForm("/" + tenant + "/oauth2/v2.0/token", form);

        assertThat(query.get("state")).isEqualTo(STATE);
        assertThat(tokens.statusCode()).isEqualTo(200);
        JsonNode body = json(tokens);
        assertThat(body.get("access_token").asText()).startsWith("EwA");
        assertThat(body.get("refresh_token").asText()).startsWith("M.C5");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    }

    @Test
    void unknownTenantGetsAnErrorPage() {
        HttpResponse<String> response = emulator.client().get("/not_a_tenant/oauth2/v2.0/authorize?"
                + OAuthTestClient.form(authorizationParameters(MICROSOFT, Pkce.create())), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("AADSTS90002");
    }

    @Test
    void refreshTokenIsIssuedOnlyWithOfflineAccessScope() {
        Pkce pkce = Pkce.create();
        Map<String, String> params = authorizationParameters(MICROSOFT, pkce);
        params.put("scope", "openid email https://graph.microsoft.com/Mail.Read");

        JsonNode tokens = json(emulator.client().redeem(MICROSOFT, emulator.client().authorizationCode(MICROSOFT, params), pkce.verifier()));

        assertThat(tokens.has("access_token")).isTrue();
        assertThat(tokens.has("refresh_token")).isFalse();
    }

    @Test
    void refreshRotatesTheRefreshTokenAndTheOldOneStillWorks() {
        JsonNode first = emulator.client().signIn(MICROSOFT);
        String original = first.get("refresh_token").asText();

        JsonNode refreshed = json(emulator.client().refresh(MICROSOFT, original));
        HttpResponse<String> withOld = emulator.client().refresh(MICROSOFT, original);
        HttpResponse<String> withNew = emulator.client().refresh(MICROSOFT, refreshed.get("refresh_token").asText());

        assertThat(refreshed.get("refresh_token").asText()).startsWith("M.C5").isNotEqualTo(original);
        assertThat(refreshed.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
        assertThat(withOld.statusCode()).isEqualTo(200);
        assertThat(withNew.statusCode()).isEqualTo(200);
    }

    @Test
    void wrongVerifierAnswersAnEntraShapedInvalidGrant() {
        String code = emulator.client().authorizationCode(MICROSOFT, authorizationParameters(MICROSOFT, Pkce.create()));

        HttpResponse<String> response = emulator.client().redeem(MICROSOFT, code, Pkce.create().verifier());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("error").asText()).isEqualTo("invalid_grant");
        assertThat(error.get("error_description").asText()).startsWith("AADSTS501481: ");
        assertEntraEnvelope(error, 501481);
    }

    @Test
    void codeCanBeRedeemedOnlyOnce() {
        Pkce pkce = Pkce.create();
        String code = emulator.client().authorizationCode(MICROSOFT, authorizationParameters(MICROSOFT, pkce));
        emulator.client().redeem(MICROSOFT, code, pkce.verifier());

        HttpResponse<String> second = emulator.client().redeem(MICROSOFT, code, pkce.verifier());

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(json(second).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void unknownRefreshTokenAnswersExpiredDueToInactivity() {
        HttpResponse<String> response = emulator.client().refresh(MICROSOFT, "M.C5never-issued");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("error").asText()).isEqualTo("invalid_grant");
        assertThat(error.get("error_description").asText()).startsWith(
                "AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.");
        assertEntraEnvelope(error, 70008);
    }

    @Test
    void refreshAfterRevocationAnswersInvalidGrantForEveryRotatedToken() {
        String original = emulator.client().signIn(MICROSOFT).get("refresh_token").asText();
        String rotated = json(emulator.client().refresh(MICROSOFT, original)).get("refresh_token").asText();

        emulator.server().control().revokeGrants(MICROSOFT, "grace@outlook.example");

        for (String token : new String[]{original, rotated}) {
            HttpResponse<String> response = emulator.client().refresh(MICROSOFT, token);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
            assertThat(json(response).get("error_codes").get(0).asLong()).isEqualTo(50173);
        }
    }

    @Test
    void wrongClientSecretAnswersInvalidClientWith401() {
        Map<String, String> form = OAuthTestClient.clientCredentials(MICROSOFT);
        form.put("client_secret", "wrong");
        form.putAll(Map.of("grant_type", "refresh_token", "refresh_token", "M.C5whatever"));

        HttpResponse<String> response = emulator.client().postForm("/common/oauth2/v2.0/token", form);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = json(response);
        assertThat(error.get("error").asText()).isEqualTo("invalid_client");
        assertEntraEnvelope(error, 7000215);
    }

    @Test
    void thereIsNoRevocationEndpoint() {
        HttpResponse<String> response = emulator.client().postForm("/common/oauth2/v2.0/revoke", Map.of("token", "M.C5x"));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void googleTokensAreWorthlessAtMicrosoft() {
        String googleRefreshToken = emulator.client().signIn(EmulatedProvider.GOOGLE).get("refresh_token").asText();
        String googleAccessToken = emulator.client().signIn(EmulatedProvider.GOOGLE).get("access_token").asText();

        assertThat(emulator.client().refresh(MICROSOFT, googleRefreshToken).statusCode()).isEqualTo(400);
        assertThat(emulator.client().getWithBearer("/v1.0/me", googleAccessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void missingCodeChallengeIsRedirectedWithAnAadstsDescription() {
        Map<String, String> params = authorizationParameters(MICROSOFT, Pkce.create());
        params.remove("code_challenge");

        Map<String, String> query = redirectQuery(emulator.client().authorize(MICROSOFT, params));

        assertThat(query).containsEntry("error", "invalid_request").containsEntry("state", STATE);
        assertThat(query.get("error_description")).startsWith("AADSTS900144");
    }

    /** The fields every Entra error carries next to error and error_description. */
    static void assertEntraEnvelope(JsonNode error, long code) {
        assertThat(error.get("error_codes").get(0).asLong()).isEqualTo(code);
        assertThat(UUID.fromString(error.get("trace_id").asText())).isNotNull();
        assertThat(UUID.fromString(error.get("correlation_id").asText())).isNotNull();
        assertThat(error.get("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z");
        assertThat(error.get("error_description").asText()).contains("Trace ID: " + error.get("trace_id").asText());
    }
}
