package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.OAuthTestClient.Pkce;
import dev.syncline.emulator.fault.Fault;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.fault.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static dev.syncline.emulator.EmulatedProvider.MICROSOFT;
import static dev.syncline.emulator.OAuthTestClient.json;
import static dev.syncline.emulator.fault.FaultEndpoint.REVOKE;
import static dev.syncline.emulator.fault.FaultEndpoint.TOKEN;
import static dev.syncline.emulator.fault.FaultEndpoint.USERINFO;
import static org.assertj.core.api.Assertions.assertThat;

class FaultInjectionTest {

    @RegisterExtension
    final RunningEmulator emulator = new RunningEmulator();

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "GOOGLE,    HTTP_500,                500, ",
            "GOOGLE,    HTTP_503,                503, ",
            "GOOGLE,    TEMPORARILY_UNAVAILABLE, 503, temporarily_unavailable",
            "GOOGLE,    INVALID_GRANT,           400, invalid_grant",
            "GOOGLE,    INTERACTION_REQUIRED,    400, interaction_required",
            "GOOGLE,    INVALID_CLIENT,          401, invalid_client",
            "MICROSOFT, HTTP_500,                500, server_error",
            "MICROSOFT, HTTP_503,                503, temporarily_unavailable",
            "MICROSOFT, TEMPORARILY_UNAVAILABLE, 400, temporarily_unavailable",
            "MICROSOFT, INVALID_GRANT,           400, invalid_grant",
            "MICROSOFT, INTERACTION_REQUIRED,    400, interaction_required",
            "MICROSOFT, INVALID_CLIENT,          401, invalid_client"})
    void tokenFaultAnswersAsTheProviderWould(EmulatedProvider provider, FaultKind kind, int status, String error) {
        String refreshToken = emulator.client().signIn(provider).get("refresh_token").asText();
        emulator.server().control().injectFault(provider, TOKEN, kind, 1);

        HttpResponse<String> failed = emulator.client().refresh(provider, refreshToken);

        assertThat(failed.statusCode()).isEqualTo(status);
        if (error != null) {
            assertThat(json(failed).get("error").asText()).isEqualTo(error);
        }
        if (provider == MICROSOFT) {
            assertThat(json(failed).get("error_codes").isArray()).isTrue();
        }
        assertThat(emulator.client().refresh(provider, refreshToken).statusCode()).as("after the fault").isEqualTo(200);
    }

    @Test
    void googleInvalidGrantFaultSendsTheDocumentedBody() {
        String refreshToken = emulator.client().signIn(GOOGLE).get("refresh_token").asText();
        emulator.server().control().injectFault(GOOGLE, TOKEN, FaultKind.INVALID_GRANT, 1);

        assertThat(emulator.client().refresh(GOOGLE, refreshToken).body())
                .isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
    }

    @Test
    void microsoftInteractionRequiredFaultCarriesTheMfaCode() {
        String refreshToken = emulator.client().signIn(MICROSOFT).get("refresh_token").asText();
        emulator.server().control().injectFault(MICROSOFT, TOKEN, FaultKind.INTERACTION_REQUIRED, 1);

        JsonNode error = json(emulator.client().refresh(MICROSOFT, refreshToken));

        assertThat(error.get("error_description").asText()).startsWith("AADSTS50076: ");
        MicrosoftCodeFlowTest.assertEntraEnvelope(error, 50076);
    }

    @Test
    void http503CarriesRetryAfterWhenGiven() {
        String refreshToken = emulator.client().signIn(GOOGLE).get("refresh_token").asText();
        emulator.server().control().injectFault(GOOGLE, Fault.of(TOKEN, FaultKind.HTTP_503).withRetryAfter(Duration.ofSeconds(7)));

        HttpResponse<String> response = emulator.client().refresh(GOOGLE, refreshToken);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void faultHitsExactlyTheNextTimesCalls() {
        String refreshToken = emulator.client().signIn(GOOGLE).get("refresh_token").asText();
        emulator.server().control().injectFault(GOOGLE, TOKEN, FaultKind.HTTP_500, 2);

        assertThat(emulator.client().refresh(GOOGLE, refreshToken).statusCode()).isEqualTo(500);
        assertThat(emulator.client().refresh(GOOGLE, refreshToken).statusCode()).isEqualTo(500);
        assertThat(emulator.client().refresh(GOOGLE, refreshToken).statusCode()).isEqualTo(200);
        assertThat(emulator.server().control().pendingFaults(GOOGLE)).isEmpty();
    }

    @Test
    void queuedFaultsAreConsumedInOrder() {
        String refreshToken = emulator.client().signIn(MICROSOFT).get("refresh_token").asText();
        emulator.server().control().injectFault(MICROSOFT, TOKEN, FaultKind.HTTP_503, 1);
        emulator.server().control().injectFault(MICROSOFT, TOKEN, FaultKind.INVALID_CLIENT, 1);

        assertThat(emulator.client().refresh(MICROSOFT, refreshToken).statusCode()).isEqualTo(503);
        assertThat(emulator.client().refresh(MICROSOFT, refreshToken).statusCode()).isEqualTo(401);
        assertThat(emulator.client().refresh(MICROSOFT, refreshToken).statusCode()).isEqualTo(200);
    }

    @Test
    void slowFaultDelaysThenAnswersNormally() {
        String refreshToken = emulator.client().signIn(GOOGLE).get("refresh_token").asText();
        emulator.server().control().injectFault(GOOGLE, Fault.of(TOKEN, FaultKind.SLOW).delayedBy(Duration.ofMillis(300)));

        long started = System.nanoTime();
        HttpResponse<String> response = emulator.client().refresh(GOOGLE, refreshToken);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void failedTokenCallLeavesTheCodeRedeemable() {
        Pkce pkce = Pkce.create();
        String code = emulator.client().authorizationCode(GOOGLE, OAuthTestClient.authorizationParameters(GOOGLE, pkce));
        emulator.server().control().injectFault(GOOGLE, TOKEN, FaultKind.HTTP_503, 1);

        assertThat(emulator.client().redeem(GOOGLE, code, pkce.verifier()).statusCode()).isEqualTo(503);
        assertThat(emulator.client().redeem(GOOGLE, code, pkce.verifier()).statusCode()).isEqualTo(200);
    }

    @Test
    void revokeFaultLeavesTheGrantAlive() {
        String refreshToken = emulator.client().signIn(GOOGLE).get("refresh_token").asText();
        emulator.server().control().injectFault(GOOGLE, Fault.of(REVOKE, FaultKind.HTTP_503).withRetryAfter(Duration.ofSeconds(30)));

        HttpResponse<String> revoke = emulator.client().postForm("/revoke", Map.of("token", refreshToken));

        assertThat(revoke.statusCode()).isEqualTo(503);
        assertThat(revoke.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(emulator.client().refresh(GOOGLE, refreshToken).statusCode()).isEqualTo(200);
    }

    @Test
    void userInfoFaultsAnswer5xxOrAnInvalidTokenError() {
        String access = emulator.client().signIn(MICROSOFT).get("access_token").asText();
        emulator.server().control().injectFault(MICROSOFT, USERINFO, FaultKind.HTTP_503, 1);
        emulator.server().control().injectFault(MICROSOFT, USERINFO, FaultKind.INVALID_GRANT, 1);

        HttpResponse<String> unavailable = emulator.client().getWithBearer("/v1.0/me", access);
        HttpResponse<String> rejected = emulator.client().getWithBearer("/oidc/userinfo", access);

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(json(unavailable).get("error").get("code").asText()).isEqualTo("serviceNotAvailable");
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(json(rejected).get("error").get("code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(emulator.client().getWithBearer("/v1.0/me", access).statusCode()).isEqualTo(200);
    }

    @Test
    void googleUserInfoFaultAnswersAGoogleApiError() {
        String access = emulator.client().signIn(GOOGLE).get("access_token").asText();
        emulator.server().control().injectFault(GOOGLE, USERINFO, FaultKind.HTTP_500, 1);

        HttpResponse<String> response = emulator.client().getWithBearer("/v1/userinfo", access);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).get("error").get("status").asText()).isEqualTo("INTERNAL");
    }

    @Test
    void clearedFaultsNoLongerApply() {
        String refreshToken = emulator.client().signIn(GOOGLE).get("refresh_token").asText();
        emulator.server().control().injectFault(GOOGLE, TOKEN, FaultKind.HTTP_500, 5);

        emulator.server().control().clearFaults(GOOGLE);

        assertThat(emulator.client().refresh(GOOGLE, refreshToken).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsOfOneProviderLeaveTheOtherAlone() {
        String refreshToken = emulator.client().signIn(MICROSOFT).get("refresh_token").asText();
        emulator.server().control().injectFault(GOOGLE, TOKEN, FaultKind.HTTP_500, 1);

        assertThat(emulator.client().refresh(MICROSOFT, refreshToken).statusCode()).isEqualTo(200);
        assertThat(emulator.server().control().pendingFaults(GOOGLE)).hasSize(1);
    }

    @Test
    void faultOnOneEndpointLeavesTheOthersAlone() {
        JsonNode tokens = emulator.client().signIn(GOOGLE);
        emulator.server().control().injectFault(GOOGLE, FaultEndpoint.REVOKE, FaultKind.HTTP_500, 1);

        assertThat(emulator.client().refresh(GOOGLE, tokens.get("refresh_token").asText()).statusCode()).isEqualTo(200);
        assertThat(emulator.client().getWithBearer("/v1/userinfo", tokens.get("access_token").asText()).statusCode())
                .isEqualTo(200);
    }
}
