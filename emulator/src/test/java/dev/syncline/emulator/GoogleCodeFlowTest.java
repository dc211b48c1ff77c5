package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.OAuthTestClient.Pkce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static dev.syncline.emulator.OAuthTestClient.REDIRECT_URI;
import static dev.syncline.emulator.OAuthTestClient.STATE;
import static dev.syncline.emulator.OAuthTestClient.authorizationParameters;
import static dev.syncline.emulator.OAuthTestClient.json;
import static dev.syncline.emulator.OAuthTestClient.redirectQuery;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleCodeFlowTest {

    private static final String BAD_REQUEST = "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private EmulatorServer server;
    private OAuthTestClient client;

    @BeforeEach
    void start() {
        server = EmulatorServer.start(EmulatorConfig.forTests().withClock(clock));
        client = new OAuthTestClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void authorizationRedirectsToTheClientWithACodeAndTheState() {
        HttpResponse<String> response = client.authorize(GOOGLE, authorizationParameters(GOOGLE, Pkce.create()));

        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> query = redirectQuery(response);
        assertThat(query.get("code")).startsWith("4/0").hasSizeGreaterThan(40);
        assertThat(query.get("state")).isEqualTo(STATE);
    }

    @Test
    void codeWithMatchingVerifierBuysAccessAndRefreshToken() {
        Pkce pkce = Pkce.create();
        String code = client.authorizationCode(GOOGLE, authorizationParameters(GOOGLE, pkce));

        HttpResponse<String> response = client.redeem(GOOGLE, code, pkce.verifier());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode tokens = json(response);
        assertThat(tokens.get("access_token").asText()).startsWith("ya29.");
        assertThat(tokens.get("refresh_token").asText()).startsWith("1//");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("scope").asText()).isEqualTo(OAuthTestClient.GOOGLE_SCOPE);
    }

    @Test
    void tokensCarryAtLeast32RandomBytes() {
        String access = client.signIn(GOOGLE).get("access_token").asText();

        byte[] random = Base64.getUrlDecoder().decode(access.substring("ya29.".length()));
        assertThat(random).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void codeWithWrongVerifierIsRejected() {
        String code = client.authorizationCode(GOOGLE, authorizationParameters(GOOGLE, Pkce.create()));

        HttpResponse<String> response = client.redeem(GOOGLE, code, Pkce.create().verifier());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(BAD_REQUEST);
    }

    @Test
    void codeCanBeRedeemedOnlyOnce() {
        Pkce pkce = Pkce.create();
        String code = client.authorizationCode(GOOGLE, authorizationParameters(GOOGLE, pkce));
        assertThat(client.redeem(GOOGLE, code, pkce.verifier()).statusCode()).isEqualTo(200);

        HttpResponse<String> second = client.redeem(GOOGLE, code, pkce.verifier());

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).isEqualTo(BAD_REQUEST);
    }

    @Test
    void codeExpiresAfterTenMinutes() {
        Pkce pkce = Pkce.create();
        String code = client.authorizationCode(GOOGLE, authorizationParameters(GOOGLE, pkce));
        clock.advance(Duration.ofMinutes(10));

        HttpResponse<String> response = client.redeem(GOOGLE, code, pkce.verifier());

        assertThat(response.body()).isEqualTo(BAD_REQUEST);
    }

    @Test
    void codeIsBoundToTheRedirectUriOfTheAuthorization() {
        Pkce pkce = Pkce.create();
        String code = client.authorizationCode(GOOGLE, authorizationParameters(GOOGLE, pkce));
        Map<String, String> form = OAuthTestClient.clientCredentials(GOOGLE);
        form.putAll(Map.of("grant_type", "authorization_code", "code", code, "code_verifier", pkce.verifier(),
                "redirect_uri", "http://127.0.0.1:8765/other"));

        HttpResponse<String> response = client.postForm("/token", form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("redirect_uri_mismatch");
    }

    @Test
    void refreshGivesANewAccessTokenButKeepsTheRefreshToken() {
        JsonNode first = client.signIn(GOOGLE);
        String refreshToken = first.get("refresh_token").asText();

        JsonNode refreshed = json(client.refresh(GOOGLE, refreshToken));
        HttpResponse<String> again = client.refresh(GOOGLE, refreshToken);

        assertThat(refreshed.get("access_token").asText()).startsWith("ya29.")
                .isNotEqualTo(first.get("access_token").asText());
        assertThat(refreshed.has("refresh_token")).isFalse();
        assertThat(refreshed.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void refreshTokenIsIssuedOnlyForOfflineAccess() {
        Pkce pkce = Pkce.create();
        Map<String, String> params = authorizationParameters(GOOGLE, pkce);
        params.remove("access_type");

        JsonNode tokens = json(client.redeem(GOOGLE, client.authorizationCode(GOOGLE, params), pkce.verifier()));

        assertThat(tokens.has("access_token")).isTrue();
        assertThat(tokens.has("refresh_token")).isFalse();
    }

    @Test
    void repeatedConsentWithoutPromptGivesNoNewRefreshToken() {
        client.signIn(GOOGLE);
        Pkce pkce = Pkce.create();
        Map<String, String> params = authorizationParameters(GOOGLE, pkce);
        params.remove("prompt");

        JsonNode tokens = json(client.redeem(GOOGLE, client.authorizationCode(GOOGLE, params), pkce.verifier()));

        assertThat(tokens.has("refresh_token")).isFalse();
    }

    @Test
    void loginHintOfAKnownUserSignsInThatUser() {
        server.control().addUser(GOOGLE, "charles@gmail.example", "Charles Babbage");

        String access = client.signIn(GOOGLE, "charles@gmail.example").get("access_token").asText();

        JsonNode profile = json(client.getWithBearer("/v1/userinfo", access));
        assertThat(profile.get("email").asText()).isEqualTo("charles@gmail.example");
        assertThat(profile.get("name").asText()).isEqualTo("Charles Babbage");
    }

    @Test
    void unknownLoginHintSignsInTheDefaultUser() {
        String access = client.signIn(GOOGLE, "nobody@gmail.example").get("access_token").asText();

        assertThat(json(client.getWithBearer("/v1/userinfo", access)).get("email").asText())
                .isEqualTo("ada@gmail.example");
    }

    @Test
    void unknownClientGetsAnErrorPageInsteadOfARedirect() {
        Map<String, String> params = authorizationParameters(GOOGLE, Pkce.create());
        params.put("client_id", "someone-else");

        HttpResponse<String> response = client.authorize(GOOGLE, params);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("invalid_client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://attacker.example/callback", "http://localhost.attacker.example/callback",
            "http://127.0.0.1:8765/callback#fragment", "not a uri", ""})
    void unregisteredRedirectUriGetsAnErrorPageInsteadOfARedirect(String redirectUri) {
        Map<String, String> params = authorizationParameters(GOOGLE, Pkce.create());
        params.put("redirect_uri", redirectUri);

        HttpResponse<String> response = client.authorize(GOOGLE, params);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("redirect_uri_mismatch");
    }

    @Test
    void missingCodeChallengeIsRedirectedAsInvalidRequest() {
        Map<String, String> params = authorizationParameters(GOOGLE, Pkce.create());
        params.remove("code_challenge");

        Map<String, String> query = redirectQuery(client.authorize(GOOGLE, params));

        assertThat(query).containsEntry("error", "invalid_request").containsEntry("state", STATE)
                .containsKey("error_description").doesNotContainKey("code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "S512"})
    void challengeMethodOtherThanS256IsRedirectedAsInvalidRequest(String method) {
        Map<String, String> params = authorizationParameters(GOOGLE, Pkce.create());
        params.put("code_challenge_method", method);

        assertThat(redirectQuery(client.authorize(GOOGLE, params))).containsEntry("error", "invalid_request");
    }

    @Test
    void responseTypeOtherThanCodeIsRedirectedAsInvalidRequest() {
        Map<String, String> params = authorizationParameters(GOOGLE, Pkce.create());
        params.put("response_type", "token");

        assertThat(redirectQuery(client.authorize(GOOGLE, params))).containsEntry("error", "invalid_request")
                .containsEntry("state", STATE);
    }

    @Test
    void wrongClientSecretAnswersInvalidClient() {
        Map<String, String> form = OAuthTestClient.clientCredentials(GOOGLE);
        form.put("client_secret", "wrong");
        form.putAll(Map.of("grant_type", "refresh_token", "refresh_token", "1//whatever"));

        HttpResponse<String> response = client.postForm("/token", form);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void clientSecretBasicIsAcceptedLikeClientSecretPost() {
        String refreshToken = client.signIn(GOOGLE).get("refresh_token").asText();
        String basic = Base64.getEncoder().encodeToString("syncline-google-dev:google-dev-secret"
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = client.postForm("/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                Map.of("Authorization", "Basic " + basic));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownGrantTypeAnswersUnsupportedGrantType() {
        Map<String, String> form = OAuthTestClient.clientCredentials(GOOGLE);
        form.put("grant_type", "password");

        HttpResponse<String> response = client.postForm("/token", form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void consentPageIsShownInsteadOfARedirectWhenAutoConsentIsOff() {
        server.control().setAutoConsent(GOOGLE, false);

        HttpResponse<String> response = client.authorize(GOOGLE, authorizationParameters(GOOGLE, Pkce.create()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<form method=\"post\"", "value=\"allow\"", "value=\"deny\"",
                "ada@gmail.example");
    }

    @Test
    void allowingOnTheConsentPageRedirectsWithACodeThatWorks() {
        server.control().setAutoConsent(GOOGLE, false);
        Pkce pkce = Pkce.create();
        Map<String, String> form = authorizationParameters(GOOGLE, pkce);
        form.put("decision", "allow");

        HttpResponse<String> response = client.postForm("/o/oauth2/v2/auth", form);

        Map<String, String> query = redirectQuery(response);
        assertThat(query).containsEntry("state", STATE);
        assertThat(client.redeem(GOOGLE, query.get("code"), pkce.verifier()).statusCode()).isEqualTo(200);
    }

    @Test
    void denyingOnTheConsentPageRedirectsWithAccessDenied() {
        server.control().setAutoConsent(GOOGLE, false);
        Map<String, String> form = authorizationParameters(GOOGLE, Pkce.create());
        form.put("decision", "deny");

        HttpResponse<String> response = client.postForm("/o/oauth2/v2/auth", form);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(redirectQuery(response)).containsEntry("error", "access_denied").containsEntry("state", STATE)
                .doesNotContainKey("code");
    }

    @Test
    void redirectKeepsTheQueryTheRedirectUriAlreadyHas() {
        Map<String, String> params = authorizationParameters(GOOGLE, Pkce.create());
        params.put("redirect_uri", REDIRECT_URI + "?tenant=blue");

        String location = client.authorize(GOOGLE, params).headers().firstValue("Location").orElseThrow();

        assertThat(location).startsWith(REDIRECT_URI + "?tenant=blue&code=");
    }
}
