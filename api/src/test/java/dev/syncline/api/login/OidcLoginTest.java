package dev.syncline.api.login;

import static dev.syncline.api.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.state.UserIds;
import java.net.HttpCookie;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Sign in with Google / Microsoft" end to end: Syncline's login start, the emulator's authorization and
 * token endpoints with real RS256 ID tokens, Syncline's callback, and the tokens it issues.
 */
class OidcLoginTest extends ApiIntegrationTest {

    private static final String PROBLEMS = "https://syncline.dev/problems/";

    @Autowired
    EmulatorServer emulator;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFirstGoogleLoginCreatesTheUserAndAnswersTokensThatWork() {
        String email = newEmulatorUser(EmulatedProvider.GOOGLE, "gmail.example", "Ada Lovelace");

        LoginBrowser.Page callback = browser().logIn("google", email);

        assertThat(callback.status()).as(callback.toString()).isEqualTo(200);
        assertThat(callback.header("Cache-Control")).contains("no-store");
        assertThat(callback.json().path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(callback.json().path("refreshToken").asText()).isNotBlank();
        assertThat(callback.json().path("sessionId").asText()).isNotBlank();
        JsonNode me = meWith(callback.json().path("accessToken").asText());
        assertThat(me.path("email").asText()).isEqualTo(email);
        assertThat(me.path("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(me.path("roles").toString()).isEqualTo("[\"USER\"]");
        assertThat(jdbc.sql("SELECT issuer FROM user_identity WHERE subject = :sub")
                .param("sub", UserIds.googleSubject(email)).query(String.class).single())
                .isEqualTo(emulator.baseUrl());
    }

    @Test
    void aMicrosoftLoginIsAcceptedWithTheIssuerOfTheUsersOwnTenant() {
        String email = newEmulatorUser(EmulatedProvider.MICROSOFT, "contoso.example", "Grace Hopper");

        LoginBrowser.Page callback = browser().logIn("microsoft", email);

        assertThat(callback.status()).as(callback.toString()).isEqualTo(200);
        String accessToken = callback.json().path("accessToken").asText();
        JsonNode me = meWith(accessToken);
        assertThat(me.path("email").asText()).isEqualTo(email);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api().as(accessToken).get("/api/v1/auth/sessions").json().findValuesAsText("method")).containsExactly("MICROSOFT"));
        String tenantIssuer = emulator.baseUrl() + "/" + UserIds.microsoftTenantId(email) + "/v2.0";
        assertThat(jdbc.sql("SELECT issuer FROM user_identity WHERE subject = :sub")
                .param("sub", UserIds.microsoftSubject(email)).query(String.class).single())
                .isEqualTo(tenantIssuer);
    }

    @Test
    void aSecondLoginFindsTheSameUser() {
        String email = newEmulatorUser(EmulatedProvider.GOOGLE, "gmail.example", "Charles Babbage");
        JsonNode first = meWith(browser().logIn("google", email).json().path("accessToken").asText());

        LoginBrowser.Page again = browser().logIn("google", email);

        JsonNode second = meWith(again.json().path("accessToken").asText());
        assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(second.path("workspaceId").asText()).isEqualTo(first.path("workspaceId").asText());
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theLoginStartAsksForIdentityOnlyWithStateNoncePkceAndTheProvidersOwnCallback() {
        LoginBrowser browser = browser();

        LoginBrowser.Page google = browser.startLogin("google", null);
        LoginBrowser.Page microsoft = browser.startLogin("microsoft", null);

        assertThat(google.status()).isEqualTo(302);
        assertThat(google.location()).startsWith(emulator.oauthEndpoints(EmulatedProvider.GOOGLE).authorizationUri() + "?");
        Map<String, String> request = LoginBrowser.query(google.location());
        assertThat(request.get("scope")).isEqualTo("openid email profile");
        assertThat(request.get("response_type")).isEqualTo("code");
        assertThat(request.get("state")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(request.get("nonce")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(request.get("code_challenge_method")).isEqualTo("S256");
        assertThat(request.get("code_challenge")).hasSize(43);
        assertThat(URI.create(request.get("redirect_uri")).getPath()).isEqualTo("/api/v1/auth/callback/google");
        assertThat(URI.create(LoginBrowser.query(microsoft.location()).get("redirect_uri")).getPath())
                .isEqualTo("/api/v1/auth/callback/microsoft");
        assertThat(LoginBrowser.query(microsoft.location()).get("state")).isNotEqualTo(request.get("state"));
    }

    @Test
    void theLoginStartBindsTheLoginToTheBrowserWithAnHttpOnlyLaxCookieAndNoSession() {
        LoginBrowser browser = browser();

        LoginBrowser.Page start = browser.startLogin("google", null);

        String setCookie = String.join("\n", start.allHeaders("Set-Cookie"));
        assertThat(setCookie).contains("syncline_login=").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/api/v1/auth").doesNotContain("JSESSIONID");
        HttpCookie cookie = browser.cookies().get(0);
        assertThat(cookie.getValue()).hasSize(43).doesNotContain(LoginBrowser.query(start.location()).get("state"));
    }

    @Test
    void withARedirectTargetTheCallbackHandsTheFrontendALoginCodeThatBuysTokensOnce() {
        String email = newEmulatorUser(EmulatedProvider.GOOGLE, "gmail.example", "Mary Somerville");
        LoginBrowser browser = browser();
        String target = FRONTEND_ORIGIN + "/after-login?tab=mail";

        LoginBrowser.Page callback = browser.followToCallback(browser.consent(browser.startLogin("google", target), email));

        assertThat(callback.status()).as(callback.toString()).isEqualTo(302);
        assertThat(callback.header("Cache-Control")).contains("no-store");
        assertThat(callback.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(callback.location()).startsWith(target + "#login_code=");
        assertThat(callback.body()).isEmpty();
        String code = URI.create(callback.location()).getFragment().substring("login_code=".length());
        assertThat(code).hasSize(43);

        ApiClient.Response tokens = api().post("/api/v1/auth/login-code", body("code", code));
        ApiClient.Response again = api().post("/api/v1/auth/login-code", body("code", code));

        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.header("Cache-Control")).contains("no-store");
        assertThat(meWith(tokens.json().path("accessToken").asText()).path("email").asText()).isEqualTo(email);
        assertLoginFailed(again, "invalid_login_code");
    }

    @Test
    void anExpiredLoginCodeBuysNothing() {
        String email = newEmulatorUser(EmulatedProvider.MICROSOFT, "fabrikam.example", "Hedy Lamarr");
        LoginBrowser browser = browser();
        LoginBrowser.Page callback = browser.followToCallback(
                browser.consent(browser.startLogin("microsoft", FRONTEND_ORIGIN + "/"), email));
        String code = URI.create(callback.location()).getFragment().substring("login_code=".length());
        jdbc.sql("UPDATE oidc_login_code SET expires_at = now() - interval '1 second' WHERE user_id = "
                + "(SELECT id FROM app_user WHERE email = :email)").param("email", email).update();

        assertLoginFailed(api().post("/api/v1/auth/login-code", body("code", code)), "invalid_login_code");
    }

    @Test
    void anUnknownProviderIsNotFound() {
        LoginBrowser.Page page = browser().startLogin("yahoo", null);

        assertThat(page.status()).as(page.toString()).isEqualTo(404);
        assertThat(page.location()).isNull();
        assertThat(page.json().path("type").asText()).isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void withLoginOnTheApiStillAnswers401ProblemsAndServesNoLoginPage() {
        LoginBrowser browser = browser();

        LoginBrowser.Page protectedPage = browser.navigate("http://127.0.0.1:" + port + "/api/v1/accounts");
        LoginBrowser.Page loginPage = browser.navigate("http://127.0.0.1:" + port + "/login");
        LoginBrowser.Page notALoginStart = browser.postForm("http://127.0.0.1:" + port + "/api/v1/auth/login/google", Map.of());

        assertThat(protectedPage.status()).as(protectedPage.toString()).isEqualTo(401);
        assertThat(protectedPage.location()).isNull();
        assertThat(protectedPage.json().path("type").asText()).isEqualTo(PROBLEMS + "unauthorized");
        assertThat(loginPage.status()).as(loginPage.toString()).isEqualTo(404);
        assertThat(notALoginStart.status()).isEqualTo(401);
        assertThat(notALoginStart.location()).isNull();
        assertThat(browser.cookies()).isEmpty();
    }

    @Test
    void theEmailOfAPasswordUserIsNotLinkedToAProviderLogin() {
        ApiClient passwordUser = Users.registerAndLogIn(api(), "linked");
        String email = passwordUser.get("/api/v1/auth/me").json().path("email").asText();
        emulator.control().addUser(EmulatedProvider.GOOGLE, email, "Impostor");

        LoginBrowser.Page callback = browser().logIn("google", email);

        assertThat(callback.status()).as(callback.toString()).isEqualTo(409);
        assertThat(callback.json().path("type").asText()).isEqualTo(PROBLEMS + "account-not-linked");
        assertThat(callback.body()).doesNotContain("accessToken");
        assertThat(jdbc.sql("SELECT count(*) FROM user_identity WHERE subject = :sub")
                .param("sub", UserIds.googleSubject(email)).query(Long.class).single()).isZero();
        assertThat(api().post("/api/v1/auth/login", body("email", email, "password", Users.PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void theEmailOfAnotherProvidersUserIsNotLinkedEither() {
        String email = "shared-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        emulator.control().addUser(EmulatedProvider.GOOGLE, email, "Via Google");
        emulator.control().addUser(EmulatedProvider.MICROSOFT, email, "Via Microsoft");
        assertThat(browser().logIn("google", email).status()).isEqualTo(200);

        LoginBrowser.Page microsoft = browser().logIn("microsoft", email);

        assertThat(microsoft.status()).as(microsoft.toString()).isEqualTo(409);
        assertThat(microsoft.json().path("type").asText()).isEqualTo(PROBLEMS + "account-not-linked");
    }

    @Test
    void aUserWhoOnlyLogsInWithAProviderHasNoPasswordThatMatches() {
        String email = newEmulatorUser(EmulatedProvider.GOOGLE, "gmail.example", "No Password");
        assertThat(browser().logIn("google", email).status()).isEqualTo(200);

        ApiClient.Response passwordLogin = api().post("/api/v1/auth/login", body("email", email, "password", ""));
        ApiClient.Response anyPassword = api().post("/api/v1/auth/login", body("email", email, "password", Users.PASSWORD));

        assertThat(passwordLogin.status()).isEqualTo(400);
        assertThat(anyPassword.status()).isEqualTo(401);
        assertThat(anyPassword.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-credentials");
    }

    private LoginBrowser browser() {
        return new LoginBrowser("http://127.0.0.1:" + port);
    }

    private String newEmulatorUser(EmulatedProvider provider, String domain, String name) {
        String email = "login-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
        emulator.control().addUser(provider, email, name);
        return email;
    }

    private JsonNode meWith(String accessToken) {
        ApiClient.Response me = api().as(accessToken).get("/api/v1/auth/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.json();
    }

    static void assertLoginFailed(ApiClient.Response response, String reason) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.json().path("type").asText()).isEqualTo(PROBLEMS + "oidc-login-failed");
        assertThat(response.json().path("reason").asText()).isEqualTo(reason);
    }
}
