package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static dev.syncline.emulator.EmulatedProvider.MICROSOFT;
import static dev.syncline.emulator.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class UserInfoTest {

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
    void googleUserInfoDescribesTheSignedInUser() {
        String access = client.signIn(GOOGLE).get("access_token").asText();

        HttpResponse<String> response = client.getWithBearer("/v1/userinfo", access);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode profile = json(response);
        assertThat(profile.get("sub").asText()).matches("\\d{21}");
        assertThat(profile.get("email").asText()).isEqualTo("ada@gmail.example");
        assertThat(profile.get("email_verified").asBoolean()).isTrue();
        assertThat(profile.get("name").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void googleUserInfoRejectsATokenExpiredByTheControlApi() {
        String access = client.signIn(GOOGLE).get("access_token").asText();

        int expired = server.control().expireAccessTokens(GOOGLE, "ada@gmail.example");
        HttpResponse<String> response = client.getWithBearer("/v1/userinfo", access);

        assertThat(expired).isEqualTo(1);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer ").contains("error=\"invalid_token\"");
    }

    @Test
    void expiredAccessTokenCanBeReplacedByARefresh() {
        JsonNode tokens = client.signIn(GOOGLE);
        server.control().expireAccessTokens(GOOGLE, "ada@gmail.example");

        String fresh = json(client.refresh(GOOGLE, tokens.get("refresh_token").asText())).get("access_token").asText();

        assertThat(client.getWithBearer("/v1/userinfo", fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void accessTokenDiesWhenItsLifetimeIsOver() {
        String access = client.signIn(GOOGLE).get("access_token").asText();

        clock.advance(Duration.ofSeconds(3599));
        int beforeExpiry = client.getWithBearer("/v1/userinfo", access).statusCode();
        clock.advance(Duration.ofSeconds(1));
        int atExpiry = client.getWithBearer("/v1/userinfo", access).statusCode();

        assertThat(beforeExpiry).isEqualTo(200);
        assertThat(atExpiry).isEqualTo(401);
    }

    @Test
    void changedLifetimeAppliesToTheNextTokens() {
        server.control().setAccessTokenLifetime(GOOGLE, Duration.ofSeconds(120));

        JsonNode tokens = client.signIn(GOOGLE);
        clock.advance(Duration.ofSeconds(120));

        assertThat(tokens.get("expires_in").asLong()).isEqualTo(120);
        assertThat(client.getWithBearer("/v1/userinfo", tokens.get("access_token").asText()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void googleUserInfoWithoutTokenAnswers401() {
        HttpResponse<String> response = client.get("/v1/userinfo", Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void microsoftUserInfoAndGraphMeDescribeTheSignedInUser() {
        String access = client.signIn(MICROSOFT).get("access_token").asText();

        JsonNode userInfo = json(client.getWithBearer("/oidc/userinfo", access));
        JsonNode me = json(client.getWithBearer("/v1.0/me", access));

        assertThat(userInfo.get("email").asText()).isEqualTo("grace@outlook.example");
        assertThat(userInfo.get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(userInfo.get("sub").asText()).isNotBlank();
        assertThat(me.get("id").asText()).matches("[0-9a-f-]{36}").isNotEqualTo(userInfo.get("sub").asText());
        assertThat(me.get("mail").asText()).isEqualTo("grace@outlook.example");
        assertThat(me.get("userPrincipalName").asText()).isEqualTo("grace@outlook.example");
        assertThat(me.get("displayName").asText()).isEqualTo("Grace Hopper");
    }

    @Test
    void microsoftEndpointsAnswerAGraphErrorForAnExpiredToken() {
        String access = client.signIn(MICROSOFT).get("access_token").asText();
        server.control().expireAccessTokens(MICROSOFT, "grace@outlook.example");

        for (String path : new String[]{"/oidc/userinfo", "/v1.0/me"}) {
            HttpResponse<String> response = client.getWithBearer(path, access);
            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode error = json(response).get("error");
            assertThat(error.get("code").asText()).isEqualTo("InvalidAuthenticationToken");
            assertThat(error.get("message").asText()).isEqualTo("Access token has expired or is not yet valid.");
        }
    }

    @Test
    void microsoftRejectsAnUnknownToken() {
        HttpResponse<String> response = client.getWithBearer("/v1.0/me", "EwAnot-issued");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("InvalidAuthenticationToken");
    }
}
