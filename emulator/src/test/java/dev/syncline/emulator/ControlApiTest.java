package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.OAuthTestClient.Pkce;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.fault.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static dev.syncline.emulator.EmulatedProvider.MICROSOFT;
import static dev.syncline.emulator.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The control API over HTTP, as a demo script or a test in another language would use it. */
class ControlApiTest {

    @RegisterExtension
    final RunningEmulator emulator = new RunningEmulator();

    @Test
    void healthAnswersUp() {
        HttpResponse<String> response = emulator.client().get("/_emulator/health", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void addedUserIsListedAndCanSignIn() {
        HttpResponse<String> added = emulator.client().postJson("/_emulator/microsoft/users",
                "{\"email\":\"Alan@Outlook.example\",\"name\":\"Alan Turing\"}");

        JsonNode users = json(emulator.client().get("/_emulator/microsoft/users", Map.of()));
        String access = emulator.client().signIn(MICROSOFT, "alan@outlook.example").get("access_token").asText();

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(added).get("email").asText()).isEqualTo("alan@outlook.example");
        assertThat(users.findValuesAsText("email")).containsExactly("alan@outlook.example", "grace@outlook.example");
        assertThat(json(emulator.client().getWithBearer("/v1.0/me", access)).get("displayName").asText()).isEqualTo("Alan Turing");
    }

    @Test
    void addingAKnownUserAgainAnswers200AndKeepsThem() {
        HttpResponse<String> again = emulator.client().postJson("/_emulator/google/users",
                "{\"email\":\"ada@gmail.example\",\"name\":\"Someone Else\"}");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("name").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void userWithoutEmailIsRejectedAsProblem() {
        HttpResponse<String> response = emulator.client().postJson("/_emulator/google/users", "{\"name\":\"Nobody\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void revokingOverHttpKillsTheGrant() {
        String refreshToken = emulator.client().signIn(GOOGLE).get("refresh_token").asText();

        HttpResponse<String> revoked = emulator.client().postJson("/_emulator/google/users/ada@gmail.example/revoke", "");

        assertThat(json(revoked).get("revokedGrants").asInt()).isEqualTo(1);
        assertThat(json(emulator.client().refresh(GOOGLE, refreshToken)).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void expiringOverHttpKillsTheAccessTokensOnly() {
        JsonNode tokens = emulator.client().signIn(GOOGLE);

        HttpResponse<String> expired = emulator.client().postJson(
                "/_emulator/google/users/ada%40gmail.example/expire-access-tokens", "");

        assertThat(json(expired).get("expiredAccessTokens").asInt()).isEqualTo(1);
        assertThat(emulator.client().getWithBearer("/v1/userinfo", tokens.get("access_token").asText()).statusCode())
                .isEqualTo(401);
        assertThat(emulator.client().refresh(GOOGLE, tokens.get("refresh_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownUserOrProviderAnswers404() {
        assertThat(emulator.client().postJson("/_emulator/google/users/nobody@gmail.example/revoke", "").statusCode())
                .isEqualTo(404);
        assertThat(emulator.client().get("/_emulator/yahoo/users", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void settingsChangeLifetimeAndConsent() {
        HttpResponse<String> updated = emulator.client().putJson("/_emulator/google/settings",
                "{\"accessTokenLifetimeSeconds\":60,\"autoConsent\":false}");

        HttpResponse<String> consentPage = emulator.client().authorize(GOOGLE,
                OAuthTestClient.authorizationParameters(GOOGLE, Pkce.create()));

        assertThat(json(updated).get("accessTokenLifetimeSeconds").asLong()).isEqualTo(60);
        assertThat(json(updated).get("autoConsent").asBoolean()).isFalse();
        assertThat(consentPage.statusCode()).isEqualTo(200);
        assertThat(emulator.server().control().settings(GOOGLE).accessTokenLifetime().toSeconds()).isEqualTo(60);
    }

    @Test
    void settingsPutLeavesUnmentionedSettingsAlone() {
        emulator.client().putJson("/_emulator/microsoft/settings", "{\"accessTokenLifetimeSeconds\":300}");

        JsonNode settings = json(emulator.client().get("/_emulator/microsoft/settings", Map.of()));

        assertThat(settings.get("accessTokenLifetimeSeconds").asLong()).isEqualTo(300);
        assertThat(settings.get("autoConsent").asBoolean()).isTrue();
    }

    @Test
    void faultsAreQueuedListedAndClearedOverHttp() {
        String refreshToken = emulator.client().signIn(GOOGLE).get("refresh_token").asText();

        HttpResponse<String> queued = emulator.client().postJson("/_emulator/google/faults",
                "{\"endpoint\":\"token\",\"kind\":\"http_503\",\"times\":2,\"retryAfterSeconds\":5}");
        JsonNode pending = json(emulator.client().get("/_emulator/google/faults", Map.of()));
        HttpResponse<String> failed = emulator.client().refresh(GOOGLE, refreshToken);
        HttpResponse<String> cleared = emulator.client().delete("/_emulator/google/faults");

        assertThat(queued.statusCode()).isEqualTo(201);
        assertThat(pending.get(0).get("kind").asText()).isEqualTo("http_503");
        assertThat(pending.get(0).get("times").asInt()).isEqualTo(2);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(emulator.client().refresh(GOOGLE, refreshToken).statusCode()).isEqualTo(200);
    }

    @Test
    void slowFaultOverHttpTakesItsDelay() {
        HttpResponse<String> queued = emulator.client().postJson("/_emulator/microsoft/faults",
                "{\"endpoint\":\"userinfo\",\"kind\":\"slow\",\"delayMillis\":50}");

        assertThat(json(queued).get("delayMillis").asLong()).isEqualTo(50);
    }

    @Test
    void unknownFaultKindIsRejectedAsProblem() {
        HttpResponse<String> response = emulator.client().postJson("/_emulator/google/faults",
                "{\"endpoint\":\"token\",\"kind\":\"meltdown\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains("kind");
    }

    @Test
    void countersResetOverHttp() {
        emulator.client().signIn(GOOGLE);

        HttpResponse<String> reset = emulator.client().postJson("/_emulator/google/counters/reset", "");

        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(emulator.server().control().tokenCalls(GOOGLE, "authorization_code")).isZero();
    }

    @Test
    void resetReturnsToTheStartupState() {
        String refreshToken = emulator.client().signIn(GOOGLE).get("refresh_token").asText();
        emulator.server().control().addUser(GOOGLE, "charles@gmail.example", "Charles Babbage");
        emulator.server().control().setAutoConsent(GOOGLE, false);
        emulator.server().control().injectFault(GOOGLE, FaultEndpoint.TOKEN, FaultKind.HTTP_500, 3);

        HttpResponse<String> reset = emulator.client().postJson("/_emulator/reset", "");

        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(emulator.server().control().users(GOOGLE)).extracting(EmulatedUser::email).containsExactly("ada@gmail.example");
        assertThat(emulator.server().control().settings(GOOGLE).autoConsent()).isTrue();
        assertThat(emulator.server().control().pendingFaults(GOOGLE)).isEmpty();
        assertThat(json(emulator.client().refresh(GOOGLE, refreshToken)).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(emulator.server().control().tokenCalls(GOOGLE, "refresh_token")).isEqualTo(1);
    }

    @Test
    void stateChangingControlCallsRefuseGet() {
        HttpResponse<String> response = emulator.client().get("/_emulator/reset", Map.of());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }
}
