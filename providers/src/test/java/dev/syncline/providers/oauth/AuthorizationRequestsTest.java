package dev.syncline.providers.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.Provider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuthorizationRequestsTest {

    private static final String REDIRECT = "http://localhost:8080/api/v1/accounts/callback/google";
    private final AuthorizationRequests requests = new AuthorizationRequests(new OAuthClientRegistry(List.of(
            new OAuthClientSettings(Provider.GOOGLE, "client-1", "secret", "https://accounts.example/auth", "https://accounts.example/token",
                    null, "https://accounts.example/userinfo", List.of("openid", "email", "https://www.googleapis.com/auth/gmail.readonly"),
                    OAuthClientSettings.defaultAuthorizationParameters(Provider.GOOGLE)))));

    @Test
    void theAuthorizationUrlCarriesStatePkceS256ScopesAndOfflineAccess() {
        AuthorizationStart start = requests.begin(Provider.GOOGLE, REDIRECT, "state-123", "ada@example.com");

        Map<String, String> query = queryOf(start.authorizationUrl());
        assertThat(start.authorizationUrl()).startsWith("https://accounts.example/auth?");
        assertThat(query).containsEntry("state", "state-123")
                .containsEntry("client_id", "client-1")
                .containsEntry("response_type", "code")
                .containsEntry("redirect_uri", REDIRECT)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("code_challenge", AuthorizationRequests.challengeOf(start.codeVerifier()))
                .containsEntry("access_type", "offline")
                .containsEntry("prompt", "consent")
                .containsEntry("login_hint", "ada@example.com");
        assertThat(query.get("scope")).contains("https://www.googleapis.com/auth/gmail.readonly");
        assertThat(start.authorizationUrl()).doesNotContain(start.codeVerifier());
        assertThat(start.toString()).doesNotContain(start.codeVerifier());
    }

    @Test
    void everyFlowGetsItsOwnHighEntropyVerifier() {
        String first = requests.begin(Provider.GOOGLE, REDIRECT, "a", null).codeVerifier();
        String second = requests.begin(Provider.GOOGLE, REDIRECT, "b", null).codeVerifier();

        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43).hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void theChallengeIsTheRfc7636ExampleForItsVerifier() {
        // RFC 7636, appendix B
        assertThat(AuthorizationRequests.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    private static Map<String, String> queryOf(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
