package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.OAuthTestClient.Pkce;
import dev.syncline.emulator.oidc.IdTokenFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static dev.syncline.emulator.EmulatedProvider.MICROSOFT;
import static dev.syncline.emulator.OAuthTestClient.authorizationParameters;
import static dev.syncline.emulator.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The control API spoils the next ID tokens in one way each, so a relying party's every check can be tested. */
class IdTokenFaultsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String NONCE = "n-0S6_WzA2Mj";

    private final MutableClock clock = new MutableClock(NOW);
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
    void wrongIssuerNamesAnotherIssuer() {
        server.control().injectIdTokenFault(GOOGLE, IdTokenFault.WRONG_ISSUER, 1);

        IdTokenReader idToken = signIn(GOOGLE);

        assertThat(idToken.claims().get("iss").asText()).isNotEqualTo(server.baseUrl());
        assertThat(idToken.isSignedBy(googleKeys())).isTrue();
    }

    @Test
    void wrongIssuerAtMicrosoftNamesAnotherTenantsIssuerThanTheTid() {
        server.control().injectIdTokenFault(MICROSOFT, IdTokenFault.WRONG_ISSUER, 1);

        IdTokenReader idToken = signIn(MICROSOFT);

        String tid = idToken.claims().get("tid").asText();
        assertThat(idToken.claims().get("iss").asText())
                .isNotEqualTo(server.oauthEndpoints(MICROSOFT).issuerOfTenant(tid))
                .startsWith(server.baseUrl() + "/").endsWith("/v2.0");
    }

    @Test
    void wrongAudienceNamesAnotherClient() {
        server.control().injectIdTokenFault(GOOGLE, IdTokenFault.WRONG_AUDIENCE, 1);

        IdTokenReader idToken = signIn(GOOGLE);

        assertThat(idToken.claims().get("aud").asText()).isNotEqualTo("syncline-google-dev");
        assertThat(idToken.isSignedBy(googleKeys())).isTrue();
    }

    @Test
    void wrongNonceCarriesAnotherNonce() {
        server.control().injectIdTokenFault(GOOGLE, IdTokenFault.WRONG_NONCE, 1);

        IdTokenReader idToken = signIn(GOOGLE);

        assertThat(idToken.claims().get("nonce").asText()).isNotBlank().isNotEqualTo(NONCE);
    }

    @Test
    void expiredTokenExpiredTenMinutesAgo() {
        server.control().injectIdTokenFault(GOOGLE, IdTokenFault.EXPIRED, 1);

        IdTokenReader idToken = signIn(GOOGLE);

        assertThat(idToken.claims().get("exp").asLong()).isEqualTo(NOW.getEpochSecond() - 600);
        assertThat(idToken.claims().get("iat").asLong()).isLessThan(idToken.claims().get("exp").asLong());
        assertThat(idToken.isSignedBy(googleKeys())).isTrue();
    }

    @Test
    void unsignedTokenSaysAlgNoneAndHasAnEmptySignature() {
        server.control().injectIdTokenFault(MICROSOFT, IdTokenFault.UNSIGNED, 1);

        IdTokenReader idToken = signIn(MICROSOFT);

        assertThat(idToken.header().get("alg").asText()).isEqualTo("none");
        assertThat(idToken.signature()).isEmpty();
        assertThat(idToken.claims().get("nonce").asText()).isEqualTo(NONCE);
    }

    @Test
    void wrongKeySignsUnderThePublishedKidWithAKeyThatIsNotPublished() {
        server.control().injectIdTokenFault(GOOGLE, IdTokenFault.WRONG_KEY, 1);
        JsonNode keys = googleKeys();

        IdTokenReader idToken = signIn(GOOGLE);

        assertThat(idToken.header().get("kid").asText()).isEqualTo(keys.get("keys").get(0).get("kid").asText());
        assertThat(idToken.header().get("alg").asText()).isEqualTo("RS256");
        assertThat(idToken.isSignedBy(keys)).isFalse();
        assertThat(json(client.get("/oauth2/v3/certs", Map.of()))).isEqualTo(keys);
    }

    @Test
    void aFaultSpoilsOnlyAsManyIdTokensAsItWasQueuedFor() {
        server.control().injectIdTokenFault(GOOGLE, IdTokenFault.WRONG_AUDIENCE, 2);

        IdTokenReader first = signIn(GOOGLE);
        IdTokenReader second = signIn(GOOGLE);
        IdTokenReader third = signIn(GOOGLE);

        assertThat(first.claims().get("aud").asText()).isNotEqualTo("syncline-google-dev");
        assertThat(second.claims().get("aud").asText()).isNotEqualTo("syncline-google-dev");
        assertThat(third.claims().get("aud").asText()).isEqualTo("syncline-google-dev");
        assertThat(server.control().pendingIdTokenFaults(GOOGLE)).isEmpty();
    }

    @Test
    void faultsOfOneProviderLeaveTheOthersIdTokensAlone() {
        server.control().injectIdTokenFault(MICROSOFT, IdTokenFault.UNSIGNED, 1);

        assertThat(signIn(GOOGLE).isSignedBy(googleKeys())).isTrue();
        assertThat(server.control().pendingIdTokenFaults(MICROSOFT)).containsExactly(IdTokenFault.UNSIGNED);
    }

    @Test
    void idTokenFaultsAreQueuedListedAndClearedOverHttp() {
        HttpResponse<String> queued = client.postJson("/_emulator/google/id-token-faults", "{\"kind\":\"expired\",\"times\":2}");
        client.postJson("/_emulator/google/id-token-faults", "{\"kind\":\"wrong_key\"}");
        JsonNode pending = json(client.get("/_emulator/google/id-token-faults", Map.of()));
        HttpResponse<String> cleared = client.delete("/_emulator/google/id-token-faults");

        assertThat(queued.statusCode()).isEqualTo(201);
        assertThat(pending).hasSize(2);
        assertThat(pending.get(0).get("kind").asText()).isEqualTo("expired");
        assertThat(pending.get(0).get("times").asInt()).isEqualTo(2);
        assertThat(pending.get(1).get("kind").asText()).isEqualTo("wrong_key");
        assertThat(pending.get(1).get("times").asInt()).isEqualTo(1);
        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(signIn(GOOGLE).isSignedBy(googleKeys())).isTrue();
    }

    @Test
    void anUnknownIdTokenFaultIsRejectedAsProblem() {
        HttpResponse<String> response = client.postJson("/_emulator/microsoft/id-token-faults", "{\"kind\":\"slightly_off\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(server.control().pendingIdTokenFaults(MICROSOFT)).isEmpty();
    }

    @Test
    void aResetClearsQueuedIdTokenFaults() {
        server.control().injectIdTokenFault(GOOGLE, IdTokenFault.UNSIGNED, 3);

        server.control().reset();

        assertThat(server.control().pendingIdTokenFaults(GOOGLE)).isEmpty();
    }

    @Test
    void onlyAnAcceptedCodeCountsAsRedeemed() {
        Pkce pkce = Pkce.create();
        String code = client.authorizationCode(GOOGLE, authorizationParameters(GOOGLE, pkce));
        client.redeem(GOOGLE, code, pkce.verifier());

        HttpResponse<String> replayed = client.redeem(GOOGLE, code, pkce.verifier());

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(server.control().codesRedeemed(GOOGLE)).isEqualTo(1);
        assertThat(server.control().idTokensIssued(GOOGLE)).isEqualTo(1);
        JsonNode counters = json(client.get("/_emulator/google/counters", Map.of()));
        assertThat(counters.get("codesRedeemed").asLong()).isEqualTo(1);
        assertThat(counters.get("idTokensIssued").asLong()).isEqualTo(1);
        assertThat(counters.get("tokenCalls").get("authorization_code").asLong()).isEqualTo(2);
    }

    private IdTokenReader signIn(EmulatedProvider provider) {
        String user = OAuthTestClient.defaultUser(provider);
        return IdTokenReader.parse(client.signIn(provider, user, NONCE).get("id_token").asText());
    }

    private JsonNode googleKeys() {
        return json(client.get("/oauth2/v3/certs", Map.of()));
    }
}
