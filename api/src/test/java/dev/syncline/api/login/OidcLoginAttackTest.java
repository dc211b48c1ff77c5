package dev.syncline.api.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.oidc.IdTokenFault;
import dev.syncline.emulator.state.UserIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every way a login callback can be forged, replayed or fed a bad ID token answers a problem of type
 * {@code oidc-login-failed} with a stable reason, logs nobody in and creates nobody.
 */
class OidcLoginAttackTest extends ApiIntegrationTest {

    private static final String PROBLEMS = "https://syncline.dev/problems/";

    @Autowired
    EmulatorServer emulator;

    @Autowired
    JdbcClient jdbc;

    private String googleUser;
    private String microsoftUser;

    @BeforeEach
    void freshProviderUsers() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        googleUser = "attack-" + id + "@gmail.example";
        microsoftUser = "attack-" + id + "@contoso.example";
        emulator.control().addUser(EmulatedProvider.GOOGLE, googleUser, "Attack Target");
        emulator.control().addUser(EmulatedProvider.MICROSOFT, microsoftUser, "Attack Target");
    }

    @AfterEach
    void noFaultOutlivesItsTest() {
        emulator.control().clearIdTokenFaults(EmulatedProvider.GOOGLE);
        emulator.control().clearIdTokenFaults(EmulatedProvider.MICROSOFT);
        emulator.control().setAutoConsent(EmulatedProvider.GOOGLE, true);
    }

    @Test
    void aForgedStateIsRejected() {
        LoginBrowser browser = browser();
        String callback = browser.callbackUrl(browser.consent(browser.startLogin("google", null), googleUser).location());

        LoginBrowser.Page page = browser.get(callback.replaceFirst("state=[^&]+", "state=forged-state-value"));

        assertRefused(page, "invalid_state");
    }

    @Test
    void aCallbackWithoutStateIsRejected() {
        LoginBrowser browser = browser();
        String callback = browser.callbackUrl(browser.consent(browser.startLogin("google", null), googleUser).location());

        LoginBrowser.Page page = browser.get(callback.replaceFirst("&?state=[^&]+", ""));

        assertRefused(page, "invalid_state");
    }

    @Test
    void aReplayedCallbackIsRejectedAndItsCodeIsExchangedOnlyOnce() {
        LoginBrowser browser = browser();
        LoginBrowser.Page providerRedirect = browser.consent(browser.startLogin("google", null), googleUser);
        long redeemedBefore = emulator.control().codesRedeemed(EmulatedProvider.GOOGLE);
        assertThat(browser.followToCallback(providerRedirect).status()).isEqualTo(200);

        LoginBrowser.Page replay = browser.followToCallback(providerRedirect);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().path("reason").asText()).isEqualTo("invalid_state");
        assertThat(replay.body()).doesNotContain("accessToken");
        assertThat(emulator.control().codesRedeemed(EmulatedProvider.GOOGLE) - redeemedBefore).isEqualTo(1);
    }

    @Test
    void aStatePresentedByAnotherBrowserIsRejectedAndStaysUsableByItsOwn() {
        LoginBrowser attacker = browser();
        LoginBrowser victim = browser();
        LoginBrowser.Page attackersRedirect = attacker.consent(attacker.startLogin("google", null), googleUser);

        LoginBrowser.Page forcedOnVictim = victim.followToCallback(attackersRedirect);

        assertRefused(forcedOnVictim, "invalid_state");
        assertThat(attacker.followToCallback(attackersRedirect).status()).isEqualTo(200);
    }

    @Test
    void anExpiredStateIsRejected() {
        LoginBrowser browser = browser();
        LoginBrowser.Page providerRedirect = browser.consent(browser.startLogin("google", null), googleUser);
        String stateHash = sha256(LoginBrowser.query(providerRedirect.location()).get("state"));
        jdbc.sql("UPDATE oidc_login_request SET expires_at = now() - interval '1 second' WHERE state_hash = :hash")
                .param("hash", stateHash).update();

        assertRefused(browser.followToCallback(providerRedirect), "invalid_state");
    }

    @Test
    void aDeniedConsentIsReportedAsAccessDenied() {
        emulator.control().setAutoConsent(EmulatedProvider.GOOGLE, false);
        LoginBrowser browser = browser();
        String authorizationUrl = browser.startLogin("google", null).location();
        Map<String, String> form = new LinkedHashMap<>(LoginBrowser.query(authorizationUrl));
        form.put("login_hint", googleUser);
        form.put("decision", "deny");

        LoginBrowser.Page denied = browser.postForm(authorizationUrl.substring(0, authorizationUrl.indexOf('?')), form);
        LoginBrowser.Page callback = browser.followToCallback(denied);

        assertThat(LoginBrowser.query(denied.location())).containsEntry("error", "access_denied");
        assertRefused(callback, "access_denied");
    }

    @Test
    void aNonceThatIsNotThisLoginsIsRejected() {
        emulator.control().injectIdTokenFault(EmulatedProvider.GOOGLE, IdTokenFault.WRONG_NONCE, 1);

        assertRefused(browser().logIn("google", googleUser), "invalid_nonce");
    }

    @Test
    void anIdTokenOfAnotherIssuerIsRejected() {
        emulator.control().injectIdTokenFault(EmulatedProvider.GOOGLE, IdTokenFault.WRONG_ISSUER, 1);

        assertRefused(browser().logIn("google", googleUser), "invalid_id_token");
    }

    @Test
    void aMicrosoftIdTokenWhoseIssuerIsAnotherTenantsIsRejected() {
        emulator.control().injectIdTokenFault(EmulatedProvider.MICROSOFT, IdTokenFault.WRONG_ISSUER, 1);

        assertRefused(browser().logIn("microsoft", microsoftUser), "invalid_id_token");
    }

    @Test
    void anIdTokenForAnotherAudienceIsRejected() {
        emulator.control().injectIdTokenFault(EmulatedProvider.MICROSOFT, IdTokenFault.WRONG_AUDIENCE, 1);

        assertRefused(browser().logIn("microsoft", microsoftUser), "invalid_id_token");
    }

    @Test
    void anExpiredIdTokenIsRejected() {
        emulator.control().injectIdTokenFault(EmulatedProvider.GOOGLE, IdTokenFault.EXPIRED, 1);

        assertRefused(browser().logIn("google", googleUser), "invalid_id_token");
    }

    @Test
    void anUnsignedIdTokenIsRejected() {
        emulator.control().injectIdTokenFault(EmulatedProvider.GOOGLE, IdTokenFault.UNSIGNED, 1);

        assertRefused(browser().logIn("google", googleUser), "invalid_id_token");
    }

    @Test
    void anIdTokenSignedByAKeyOutsideTheJwksIsRejected() {
        emulator.control().injectIdTokenFault(EmulatedProvider.MICROSOFT, IdTokenFault.WRONG_KEY, 1);

        assertRefused(browser().logIn("microsoft", microsoftUser), "invalid_id_token");
    }

    @Test
    void aGoogleResponseDeliveredToTheMicrosoftCallbackIsRejectedBeforeAnyCodeExchange() {
        LoginBrowser browser = browser();
        LoginBrowser.Page googleRedirect = browser.consent(browser.startLogin("google", null), googleUser);
        long redeemedBefore = emulator.control().codesRedeemed(EmulatedProvider.GOOGLE);
        String toMicrosoft = browser.callbackUrl(googleRedirect.location())
                .replace("/api/v1/auth/callback/google", "/api/v1/auth/callback/microsoft");

        LoginBrowser.Page page = browser.get(toMicrosoft);

        assertRefused(page, "invalid_redirect_uri");
        assertThat(emulator.control().codesRedeemed(EmulatedProvider.GOOGLE)).isEqualTo(redeemedBefore);
    }

    @Test
    void aRedirectTargetOffTheFrontendOriginsIsRefusedBeforeAnyRedirect() {
        for (String target : new String[] {"https://attacker.example/steal", "https://app.syncline.test.attacker.example/",
                "//attacker.example/", "javascript:alert(1)", FRONTEND_ORIGIN + "/page#fragment",
                "https://user@app.syncline.test/"}) {
            LoginBrowser browser = browser();

            LoginBrowser.Page page = browser.startLogin("google", target);

            assertThat(page.status()).as(target + " " + page).isEqualTo(400);
            assertThat(page.location()).isNull();
            assertThat(page.json().path("type").asText()).isEqualTo(PROBLEMS + "redirect-not-allowed");
            assertThat(browser.cookies()).isEmpty();
        }
    }

    private void assertRefused(LoginBrowser.Page page, String reason) {
        assertThat(page.status()).as(page.toString()).isEqualTo(401);
        assertThat(page.header("Content-Type")).startsWith("application/problem+json");
        assertThat(page.json().path("type").asText()).isEqualTo(PROBLEMS + "oidc-login-failed");
        assertThat(page.json().path("reason").asText()).isEqualTo(reason);
        assertThat(page.body()).doesNotContain("accessToken").doesNotContain("eyJ").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(page.location()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM user_identity WHERE subject IN (:subjects)")
                .param("subjects", List.of(UserIds.googleSubject(googleUser), UserIds.microsoftSubject(microsoftUser)))
                .query(Long.class).single()).isZero();
    }

    private LoginBrowser browser() {
        return new LoginBrowser("http://127.0.0.1:" + port);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
