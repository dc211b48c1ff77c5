package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.OAuthTestClient.Pkce;
import dev.syncline.emulator.state.UserIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static dev.syncline.emulator.EmulatedProvider.MICROSOFT;
import static dev.syncline.emulator.OAuthTestClient.authorizationParameters;
import static dev.syncline.emulator.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The ID tokens of the code flow: signed with the published key, describing the user, bound to the nonce. */
class IdTokenTest {

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
    void googleIdTokenIsSignedWithThePublishedKeyAndDescribesTheUser() {
        JsonNode tokens = client.signIn(GOOGLE, "ada@gmail.example", NONCE);

        IdTokenReader idToken = IdTokenReader.parse(tokens.get("id_token").asText());
        JsonNode userInfo = json(client.getWithBearer("/v1/userinfo", tokens.get("access_token").asText()));

        assertThat(idToken.header().get("alg").asText()).isEqualTo("RS256");
        assertThat(idToken.header().get("typ").asText()).isEqualTo("JWT");
        assertThat(idToken.isSignedBy(json(client.get("/oauth2/v3/certs", Map.of())))).isTrue();
        JsonNode claims = idToken.claims();
        assertThat(claims.get("iss").asText()).isEqualTo(server.baseUrl());
        assertThat(claims.get("aud").asText()).isEqualTo("syncline-google-dev");
        assertThat(claims.get("sub").asText()).isEqualTo(userInfo.get("sub").asText());
        assertThat(claims.get("email").asText()).isEqualTo("ada@gmail.example");
        assertThat(claims.get("email_verified").asBoolean()).isTrue();
        assertThat(claims.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(claims.get("nonce").asText()).isEqualTo(NONCE);
        assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 3600);
    }

    @Test
    void microsoftIdTokenCarriesItsUsersTenantAsTidAndInTheIssuer() {
        server.control().addUser(MICROSOFT, "alan@contoso.example", "Alan Turing");

        IdTokenReader grace = IdTokenReader.parse(client.signIn(MICROSOFT, "grace@outlook.example", NONCE)
                .get("id_token").asText());
        IdTokenReader alan = IdTokenReader.parse(client.signIn(MICROSOFT, "alan@contoso.example", NONCE)
                .get("id_token").asText());

        String tenant = grace.claims().get("tid").asText();
        assertThat(UUID.fromString(tenant)).isNotNull();
        assertThat(grace.claims().get("iss").asText()).isEqualTo(server.baseUrl() + "/" + tenant + "/v2.0")
                .isEqualTo(server.oauthEndpoints(MICROSOFT).issuerOfTenant(tenant));
        assertThat(alan.claims().get("tid").asText()).isNotEqualTo(tenant);
        assertThat(alan.claims().get("iss").asText()).isEqualTo(server.baseUrl() + "/" + alan.claims().get("tid").asText() + "/v2.0");
        assertThat(grace.claims().get("aud").asText()).isEqualTo("syncline-microsoft-dev");
        assertThat(grace.claims().get("nonce").asText()).isEqualTo(NONCE);
        assertThat(grace.claims().get("oid").asText()).isEqualTo(UserIds.microsoftObjectId("grace@outlook.example"));
        assertThat(grace.claims().get("sub").asText()).isNotEqualTo(grace.claims().get("oid").asText());
        assertThat(grace.claims().get("preferred_username").asText()).isEqualTo("grace@outlook.example");
        assertThat(grace.claims().get("email").asText()).isEqualTo("grace@outlook.example");
        assertThat(grace.claims().get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(grace.isSignedBy(json(client.get("/common/discovery/v2.0/keys", Map.of())))).isTrue();
    }

    @Test
    void aProvidersIdTokenDoesNotVerifyWithTheOtherProvidersKeys() {
        IdTokenReader google = IdTokenReader.parse(client.signIn(GOOGLE).get("id_token").asText());

        assertThat(google.isSignedBy(json(client.get("/common/discovery/v2.0/keys", Map.of())))).isFalse();
    }

    @Test
    void withoutANonceInTheRequestTheIdTokenHasNone() {
        JsonNode claims = IdTokenReader.parse(client.signIn(GOOGLE).get("id_token").asText()).claims();

        assertThat(claims.has("nonce")).isFalse();
    }

    @Test
    void withoutTheOpenidScopeThereIsNoIdToken() {
        Pkce pkce = Pkce.create();
        Map<String, String> params = authorizationParameters(GOOGLE, pkce);
        params.put("scope", "https://www.googleapis.com/auth/gmail.readonly");

        JsonNode tokens = json(client.redeem(GOOGLE, client.authorizationCode(GOOGLE, params), pkce.verifier()));

        assertThat(tokens.has("access_token")).isTrue();
        assertThat(tokens.has("id_token")).isFalse();
    }

    @Test
    void refreshGivesAFreshIdTokenWithoutTheNonce() {
        String refreshToken = client.signIn(MICROSOFT, "grace@outlook.example", NONCE).get("refresh_token").asText();

        JsonNode refreshed = json(client.refresh(MICROSOFT, refreshToken));

        JsonNode claims = IdTokenReader.parse(refreshed.get("id_token").asText()).claims();
        assertThat(claims.has("nonce")).isFalse();
        assertThat(claims.get("email").asText()).isEqualTo("grace@outlook.example");
    }
}
